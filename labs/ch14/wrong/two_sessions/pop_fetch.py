"""Exercise 3, wrong: saves in one session, deletes in a second: mail arriving between is lost."""
import os


def save_small(pop, folder, max_bytes):
    saved = []
    for entry in pop.list()[1]:
        number, size = (int(word) for word in entry.split())
        if size <= max_bytes:
            path = os.path.join(folder, f"{pop.uidl(number).split()[2].decode()}.eml")
            with open(path, "wb") as f:
                f.write(b"\r\n".join(pop.retr(number)[1]) + b"\r\n")
            saved.append(path)
    return saved


def download_and_delete(connect, folder, max_bytes):
    pop = connect()
    saved = save_small(pop, folder, max_bytes)
    pop.quit()
    pop = connect()   # clean up what was downloaded
    for entry in pop.list()[1]:
        number, size = (int(word) for word in entry.split())
        if size <= max_bytes:
            pop.dele(number)
    pop.quit()
    return saved
