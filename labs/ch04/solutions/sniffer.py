"""Exercise 4, the reference solution."""
import ipaddress
import struct

NAMES = {6: "tcp", 17: "udp"}


def describe(frame):
    ethertype, = struct.unpack("!H", frame[12:14])
    packet = frame[14:]
    if ethertype == 0x0800:
        header = (packet[0] & 0x0F) * 4
        length, = struct.unpack("!H", packet[2:4])
        proto, src, dst = packet[9], packet[12:16], packet[16:20]
        family = "IPv4"
    elif ethertype == 0x86DD:
        header = 40
        payload, proto = struct.unpack("!HB", packet[4:7])
        length, src, dst = 40 + payload, packet[8:24], packet[24:40]
        family = "IPv6"
    else:
        return f"ethertype 0x{ethertype:04x}"
    src, dst = ipaddress.ip_address(src), ipaddress.ip_address(dst)
    if proto in NAMES:
        sport, dport = struct.unpack("!HH", packet[header:header + 4])
        return f"{family} {src}:{sport} > {dst}:{dport} {NAMES[proto]} length {length}"
    return f"{family} {src} > {dst} proto {proto} length {length}"
