"""Build-time: write pub/'s binary files and SHA256SUMS (run as: mkpub.py /srv/ftp/pub).

The bytes are reproducible without the image: block n of NAME is sha256(b"NAME:n"), the blocks
concatenated and truncated to the size, so every build (and any test) gets the same files.

It also writes stand-ins for the public FTP sites the book's chapter 17 listings visit
(ftp.ibiblio.org and ftp.kernel.org, both answered by this server in the closed lab): the
folders and names the listings use, with synthetic contents of about the original sizes.
"""
import gzip, hashlib, io, os, sys, tarfile

pub = sys.argv[1]
STAND_IN = b"A stand-in made by the Network Playground for the book's listings: not the original.\n"
# Paths under pub/ and sizes: the book's `nlst.py`/`dir.py` folder (13 entries), and the
# kernel folders `asciidl.py`, `binarydl.py`, `advbinarydl.py` and `recursedl.py` use.
ASTRONOMY = {"ephem_4.28.tar.Z": 341303, "jupitor-moons.shar.Z": 5983, "lunar.c.Z": 1751,
             "lunisolar.shar.Z": 8078, "moon.shar.Z": 64209, "sat-track.tar.Z": 129969,
             "stars.tar.Z": 16504, "xephem.tar.Z": 410650}
KERNEL_FOLDERS = ["Historic/old-versions/impure", "Historic/old-versions/old/corrupt",
                  "Historic/old-versions/tytso"]


def synthetic(name: str, size: int) -> bytes:
    blocks = (hashlib.sha256(f"{name}:{n}".encode()).digest() for n in range(size // 32 + 1))
    return b"".join(blocks)[:size]


def write(path: str, data: bytes) -> None:
    path = os.path.join(pub, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def tar_gz(top: str, files: dict) -> bytes:
    """A real .tar.gz, byte for byte the same at every build (fixed times, owners, order)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{top}/{name}")
            info.size, info.mtime, info.mode = len(data), 763776000, 0o644
            tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def book_sites() -> None:
    astronomy = "academic/astronomy"
    for name, size in ASTRONOMY.items():
        write(f"{astronomy}/{name}", synthetic(name, size))
    write(f"{astronomy}/INDEX", STAND_IN + b"".join(f"{n}\n".encode() for n in sorted(ASTRONOMY)))
    write(f"{astronomy}/README", STAND_IN)
    for folder in ["hawaii_scope", "incoming", "planetary"]:
        os.makedirs(os.path.join(pub, astronomy, folder), exist_ok=True)
    kernel = "linux/kernel"
    write(f"{kernel}/README", STAND_IN * 40)   # a text file of some lines, for ASCII mode
    write(f"{kernel}/v1.0/patch8.gz", gzip.compress(STAND_IN * 200, mtime=0))
    write(f"{kernel}/v1.0/linux-1.0.tar.gz", tar_gz("linux", {
        "README": STAND_IN, "kernel.bin": synthetic("linux-1.0", 1250000)}))
    for folder in KERNEL_FOLDERS:
        os.makedirs(os.path.join(pub, kernel, folder), exist_ok=True)


for name, size in [("1KiB.bin", 1024), ("100KiB.bin", 100 * 1024), ("1MiB.bin", 1024 * 1024)]:
    write(f"binary/{name}", synthetic(name, size))
os.makedirs(os.path.join(pub, "tree", "empty"), exist_ok=True)  # git keeps no empty dirs
book_sites()

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
