"""Host-side tools of the Network Playground: topology, lifecycle, exec, capture, pcap, grading."""
