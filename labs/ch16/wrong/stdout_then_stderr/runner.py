"""Exercise 2, wrong: reads all of stdout, then stderr: a command that fills stderr first never ends"""


def run_all(connect, commands):
    client = connect()
    try:
        results = []
        for command in commands:
            _, stdout, stderr = client.exec_command(command)
            out = stdout.read()
            err = stderr.read()
            results.append((command, stdout.channel.recv_exit_status(), out, err))
        return results
    finally:
        client.close()
