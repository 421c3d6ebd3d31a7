"""Exercise 4: a raw-socket sniffer (labs/ch04/README.md). Run it on a router with
`python3 /labs/ch04/sniff.py backbone`."""
import ipaddress  # ip_address(bytes) names an address of 4 or 16 bytes
import struct     # unpack() the headers' fields


def describe(frame):
    """TODO: return one line describing an Ethernet frame (bytes, as a raw socket gives it).

    The frame starts with the Ethernet header: destination MAC (6 bytes), source MAC (6),
    EtherType (2, big-endian): 0x0800 IPv4, 0x86DD IPv6. The IP packet follows it.
    - IPv4: the header's length is (first byte & 0x0F) * 4; total length at bytes 2-3,
      protocol at byte 9, source at 12-15, destination at 16-19.
    - IPv6: a fixed 40-byte header; payload length at bytes 4-5 (the datagram's length is
      40 plus that), next header at byte 6, source at 8-23, destination at 24-39.
    For TCP (protocol 6) and UDP (17), the ports are the transport header's first two
    16-bit fields. Return
        "IPv4 SRC:SPORT > DST:DPORT udp length N"   (tcp likewise; IPv6 the same with "IPv6")
        "IPv4 SRC > DST proto P length N"           (other protocols: ICMP, ICMPv6, ...)
        "ethertype 0x0806"                          (anything else, four hex digits)
    where N is the IP datagram's whole length (header included).
    """
    raise NotImplementedError
