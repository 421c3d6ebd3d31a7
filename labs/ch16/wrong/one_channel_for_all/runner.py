"""Exercise 2, wrong: joins the commands with ; on one channel, so there is one exit status and the outputs run together"""
import select


def run_all(connect, commands):
    client = connect()                      # one connection: each command gets a channel
    try:
        _, status, out, err = run_one(client, "; ".join(commands))
        return [(command, status, out, err) for command in commands[:1]] + \
            [(command, status, b"", b"") for command in commands[1:]]
    finally:
        client.close()


def run_one(client, command):
    _, stdout, _ = client.exec_command(command)
    channel = stdout.channel
    out, err = bytearray(), bytearray()
    # Read both streams as data comes: a stream nobody reads fills the channel's window,
    # the command stops, and a client waiting on the other stream (or the exit) waits forever.
    while not channel.eof_received or channel.recv_ready() or channel.recv_stderr_ready():
        select.select([channel], [], [], 1)
        while channel.recv_ready():
            out += channel.recv(32768)
        while channel.recv_stderr_ready():
            err += channel.recv_stderr(32768)
    return command, channel.recv_exit_status(), bytes(out), bytes(err)
