"""Exercise 3, wrong: ends the session with close(), not QUIT, so no DELE takes effect."""
import os


def download_and_delete(connect, folder, max_bytes):
    pop = connect()
    saved = []
    for entry in pop.list()[1]:
        number, size = (int(word) for word in entry.split())
        if size <= max_bytes:
            path = os.path.join(folder, f"{number}.eml")
            with open(path, "wb") as f:
                f.write(b"\r\n".join(pop.retr(number)[1]) + b"\r\n")
            pop.dele(number)
            saved.append(path)
    pop.close()
    return saved
