#!/bin/sh
# Start-up of every lab host: lab addressing first, then sshd, then the role's own daemons
# (scripts in start.d/, each returning once its service answers), then the ready mark that
# `./scripts/up` waits for.
set -eu
lib=/usr/local/lib/playground
python3 $lib/netsetup.py
mkdir -p /run/sshd
# Ed25519 only: RSA keys for 12 hosts at once would take most of the start-up time.
[ -f /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N "" -f /etc/ssh/ssh_host_ed25519_key
/usr/sbin/sshd
for step in $lib/start.d/*; do
    if [ -x "$step" ]; then "$step"; fi
done
touch /run/playground-ready
echo "playground: $(hostname) ready"
exec sleep infinity
