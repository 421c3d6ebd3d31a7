"""Exercise 3, the reference solution."""
import os


def download_and_delete(connect, folder, max_bytes):
    # One session: the server numbers the messages it had at login and DELE can reach
    # nothing else, so mail that arrives meanwhile is safe until the next session.
    pop = connect()
    saved = []
    try:
        for entry in pop.list()[1]:
            number, size = (int(word) for word in entry.split())
            if size > max_bytes:
                continue
            uid = pop.uidl(number).split()[2].decode()   # stable across sessions: a file name
            path = os.path.join(folder, f"{uid}.eml")
            with open(path, "wb") as f:
                f.write(b"\r\n".join(pop.retr(number)[1]) + b"\r\n")
                f.flush()
                os.fsync(f.fileno())   # on disk before the server may forget it
            pop.dele(number)
            saved.append(path)
    except BaseException:
        pop.close()   # no QUIT: the server deletes nothing, and nothing unsaved is lost
        raise
    pop.quit()   # the UPDATE state: only now does the server remove what DELE marked
    return saved
