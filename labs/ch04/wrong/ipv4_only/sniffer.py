"""Exercise 4, wrong: knows only IPv4; every IPv6 frame comes out as its EtherType."""
import ipaddress
import struct


def describe(frame):
    ethertype, = struct.unpack("!H", frame[12:14])
    if ethertype != 0x0800:
        return f"ethertype 0x{ethertype:04x}"
    packet = frame[14:]
    header = (packet[0] & 0x0F) * 4
    length, = struct.unpack("!H", packet[2:4])
    proto = packet[9]
    src, dst = ipaddress.ip_address(packet[12:16]), ipaddress.ip_address(packet[16:20])
    if proto in (6, 17):
        sport, dport = struct.unpack("!HH", packet[header:header + 4])
        name = "tcp" if proto == 6 else "udp"
        return f"IPv4 {src}:{sport} > {dst}:{dport} {name} length {length}"
    return f"IPv4 {src} > {dst} proto {proto} length {length}"
