"""Build-time: write pub/'s binary files and SHA256SUMS (run as: mkpub.py /srv/ftp/pub).

The bytes are reproducible without the image: block n of NAME is sha256(b"NAME:n"), the blocks
concatenated and truncated to the size, so every build (and any test) gets the same files.
"""
import hashlib, os, sys

pub = sys.argv[1]
os.makedirs(os.path.join(pub, "binary"), exist_ok=True)
os.makedirs(os.path.join(pub, "tree", "empty"), exist_ok=True)  # git keeps no empty dirs
for name, size in [("1KiB.bin", 1024), ("100KiB.bin", 100 * 1024), ("1MiB.bin", 1024 * 1024)]:
    blocks = (hashlib.sha256(f"{name}:{n}".encode()).digest() for n in range(size // 32 + 1))
    with open(os.path.join(pub, "binary", name), "wb") as f:
        f.write(b"".join(blocks)[:size])

# sha256sum format, paths relative to pub/ so `cd pub && sha256sum -c SHA256SUMS` works.
lines = []
for root, dirs, files in os.walk(pub):
    dirs.sort()
    for fn in sorted(files):
        path = os.path.join(root, fn)
        rel = os.path.relpath(path, pub)
        if rel != "SHA256SUMS":
            with open(path, "rb") as f:
                lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {rel}\n")
with open(os.path.join(pub, "SHA256SUMS"), "w") as f:
    f.writelines(sorted(lines, key=lambda l: l.split("  ", 1)[1]))
