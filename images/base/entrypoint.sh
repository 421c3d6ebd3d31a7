#!/bin/sh
# Start-up of every lab host: lab addressing first, then sshd, then the role's own daemons
# (scripts in start.d/, each returning once its service answers), then the ready mark and the
# ready line that `./scripts/up` waits for in the host's log.
set -eu
lib=/usr/local/lib/playground
# When each step ended (the machine's uptime, read with no process started), for
# ./scripts/bench's breakdown of the start-up.
trace=/run/playground-startup
step() { read -r uptime _ < /proc/uptime; echo "$1 $uptime" >> $trace; }
step start
# The lab addressing ./scripts/up wrote for this host from compose.yaml (playground/netsetup.py).
read -r me < /etc/hostname
netsetup=/etc/playground/netsetup/$me.sh
if [ ! -f "$netsetup" ]; then
    echo "$netsetup missing: start the playground with ./scripts/up" >&2
    exit 1
fi
. "$netsetup"   # sourced: it exports LAB_PORTS and LAB_ADDRESS6 for the steps below
step netsetup
mkdir -p /run/sshd
# Ed25519 only: RSA keys for 12 hosts at once would take most of the start-up time.
[ -f /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N "" -f /etc/ssh/ssh_host_ed25519_key
/usr/sbin/sshd
step sshd
for script in $lib/start.d/*; do
    if [ -x "$script" ]; then "$script"; step "${script##*/}"; fi
done
touch /run/playground-ready
step ready
# With the host key that every host's known_hosts will list (as a cloud machine prints its
# host keys on its console for whoever must trust it).
key=$(cut -d' ' -f1,2 /etc/ssh/ssh_host_ed25519_key.pub)
echo "playground: $me ready; SSH host key $key"
exec sleep infinity
