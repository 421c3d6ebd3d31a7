"""Exercise 2, wrong: waits for the exit status before reading: a command with more output than the channel's window never exits"""


def run_all(connect, commands):
    client = connect()
    try:
        results = []
        for command in commands:
            _, stdout, stderr = client.exec_command(command)
            status = stdout.channel.recv_exit_status()
            results.append((command, status, stdout.read(), stderr.read()))
        return results
    finally:
        client.close()
