"""Give this container its lab addresses, routes, NAT and resolver, as declared in compose.yaml.

Docker attaches the container to carrier networks whose own addresses mean nothing to the lab
(its IPAM refuses the book's overlapping 192.168.1.0/24 LANs). For every interface declared in
the service's `x-lab` block, find the Docker interface by its carrier subnet, rename it after
where it leads, replace the carrier address by the lab address and add the lab routes. Runs at
every start, so a restarted host heals by itself.
"""
import ipaddress
import json
import socket
import subprocess
import sys

import yaml

COMPOSE = "/etc/playground/compose.yaml"


def sh(*args):
    subprocess.run(args, check=True)


def carrier_interfaces():
    """Map each Docker interface's carrier IPv4 address to its name."""
    out = subprocess.run(["ip", "-j", "-4", "addr", "show"], check=True,
                         capture_output=True, text=True).stdout
    found = {}
    for link in json.loads(out):
        for addr in link.get("addr_info", []):
            found[ipaddress.ip_address(addr["local"])] = link["ifname"]
    return found


def find_interface(carriers, subnet, name):
    for addr, ifname in carriers.items():
        if addr in subnet:
            return ifname
    sys.exit(f"netsetup: no interface on carrier network {subnet} for {name}")


def configure_interface(ifname, name, spec):
    sh("ip", "addr", "flush", "dev", ifname)
    if ifname != name:
        sh("ip", "link", "set", ifname, "down")
        sh("ip", "link", "set", ifname, "name", name)
    address = spec["address"]
    if "peer" in spec:  # point-to-point link: /32 addresses, the peer reached on-link
        sh("ip", "addr", "add", address + "/32", "peer", spec["peer"] + "/32", "dev", name)
    else:
        sh("ip", "addr", "add", address, "brd", "+", "dev", name)
    sh("ip", "link", "set", name, "up")
    # Neighbours may still cache the MAC this address had before a restart. In the background:
    # arping lingers a second for answers that an unsolicited ARP never gets.
    subprocess.Popen(["arping", "-q", "-U", "-c", "1", "-I", name, address.split("/")[0]])


def configure_nat(lab):
    nat = lab.get("nat")
    if not nat:
        return
    sh("iptables", "-t", "nat", "-A", "POSTROUTING", "-o", nat, "-j", "MASQUERADE")
    # Active FTP through NAT needs the kernel's FTP helper, which is off unless asked for.
    sh("iptables", "-t", "raw", "-A", "PREROUTING", "-p", "tcp", "--dport", "21",
       "-j", "CT", "--helper", "ftp")


def write_name_files(lab, service, compose):
    domain = service.get("domainname")
    hostname = service["hostname"]
    fqdn = f"{hostname}.{domain}" if domain else hostname
    first = next(iter(lab["interfaces"].values()))["address"].split("/")[0]
    with open("/etc/hosts", "w") as f:
        f.write(f"127.0.0.1\tlocalhost\n{first}\t{fqdn} {hostname}\n")
    top = compose["x-lab"]
    dns = compose["services"][top["dns"]]["x-lab"]["interfaces"]
    server = next(iter(dns.values()))["address"].split("/")[0]
    with open("/etc/resolv.conf", "w") as f:
        f.write(f"nameserver {server}\nsearch {top['search']}\n")


def main():
    with open(COMPOSE) as f:
        compose = yaml.safe_load(f)
    me = socket.gethostname()
    service = compose["services"][me]
    lab = service["x-lab"]
    carriers = carrier_interfaces()
    for name, spec in lab["interfaces"].items():
        ipam = compose["networks"][spec["net"]]["ipam"]
        subnet = ipaddress.ip_network(ipam["config"][0]["subnet"])
        configure_interface(find_interface(carriers, subnet, name), name, spec)
    for dest, via in lab.get("routes", {}).items():
        sh("ip", "route", "replace", dest, "via", via)
    configure_nat(lab)
    write_name_files(lab, service, compose)


if __name__ == "__main__":
    main()
