#!/usr/bin/python3
"""Packet helper for the end-to-end tests: builds Ethernet frames as hex,
reads pcap files and decodes Geneve encapsulation.  Standard library only.

Building (prints one hex string; fields are key=value, unset ones default):
  pkt.py eth     eth.src= eth.dst= eth.type=0x0800 [payload=HEX] [vlan=VID]
  pkt.py arp     eth.src= [eth.dst=ff:ff:ff:ff:ff:ff] arp.op=1|2 arp.sha=
                 arp.spa= [arp.tha=00:00:00:00:00:00] arp.tpa=
  pkt.py icmp4   eth.src= eth.dst= ip4.src= ip4.dst= [ip.ttl=64]
                 [icmp4.type=8] [icmp4.code=0] [icmp.id=0] [icmp.seq=0]
                 [payload=HEX]
  pkt.py udp4    eth.* ip4.* [ip.ttl=64] udp.src= udp.dst= [payload=HEX]
  pkt.py tcp4    eth.* ip4.* [ip.ttl=64] tcp.src= tcp.dst= [tcp.flags=0x02]
                 [tcp.seq=0] [tcp.ack=0] [payload=HEX]
  pkt.py icmp6   eth.* ip6.src= ip6.dst= [ip.ttl=64] [icmp6.type=128]
                 [icmp6.code=0] [icmp.id=0] [icmp.seq=0] [payload=HEX]
  pkt.py udp6    eth.* ip6.* udp.src= udp.dst= [payload=HEX]
  pkt.py tcp6    eth.* ip6.* tcp.src= tcp.dst= [tcp.flags=0x02] [payload=HEX]
  pkt.py nd-ns   eth.src= ip6.src= nd.target= [eth.dst= ip6.dst=] (default:
                 solicited-node multicast of the target)  [nd.sll=eth.src]
  pkt.py nd-na   eth.src= eth.dst= ip6.src= ip6.dst= nd.target=
                 [nd.tll=eth.src] [nd.flags=0x60] (router=0x80,
                 solicited=0x40, override=0x20)
  pkt.py nd-rs   eth.src= ip6.src= [nd.sll=eth.src]
  pkt.py dhcp4   eth.src= [dhcp.type=1] (1 discover, 3 request, 7 release)
                 [dhcp.xid=0x1234] [dhcp.ciaddr=0.0.0.0] [dhcp.reqip=]
                 [dhcp.server=] [dhcp.params=1,3,6,51,54]; from 0.0.0.0:68
                 to 255.255.255.255:67 unless eth.dst/ip4.* are given
  pkt.py geneve  eth.src= eth.dst= ip4.src= ip4.dst= vni= [udp.src=]
                 [ingress=KEY egress=KEY] (OVN option 0x0102/0x80)
                 inner=HEX

Reading:
  pkt.py pcap FILE [skip=N]     one hex frame per line (after N frames)
  pkt.py count FILE             number of complete frames
  pkt.py write-pcap FILE HEX... writes the frames to a new pcap file
  pkt.py geneve-decode HEX      "ip4.src=A ip4.dst=B vni=0x.. class=0x0102
                                 type=0x80 ingress=N egress=N inner=HEX"
  pkt.py pcap-geneve FILE [skip=N] [describe=1]  geneve-decode for each
                                 UDP/6081 frame in FILE (others: "non-geneve
                                 HEX"); describe=1 prints the inner frame as
                                 with "describe" instead of hex
  pkt.py describe HEX           one-line summary of a frame, e.g.
                                 "50:54:00:00:00:01>ff:ff:ff:ff:ff:ff arp
                                 op=1 192.168.0.2>192.168.0.1"
"""

import ipaddress
import struct
import sys

GENEVE_PORT = 6081
OVN_OPT_CLASS = 0x0102
OVN_OPT_TYPE = 0x80


class PktError(Exception):
    """Bad usage or malformed input."""


def mac(s):
    """Converts "aa:bb:cc:dd:ee:ff" to 6 bytes."""
    parts = s.split(':')
    if len(parts) != 6:
        raise PktError('bad MAC address %r' % s)
    return bytes(int(p, 16) for p in parts)


def ip4(s):
    """Converts dotted-quad to 4 bytes."""
    return ipaddress.IPv4Address(s).packed


def ip6(s):
    """Converts an IPv6 address string to 16 bytes."""
    return ipaddress.IPv6Address(s).packed


def num(s):
    """Parses a decimal or 0x-prefixed integer."""
    return int(s, 0)


def csum(data):
    """The Internet checksum (RFC 1071) of 'data'."""
    if len(data) % 2:
        data += b'\0'
    total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return (~total) & 0xffff


def eth(f, ethtype, payload):
    """An Ethernet header (with optional 802.1Q tag) followed by payload."""
    hdr = mac(f['eth.dst']) + mac(f['eth.src'])
    if f.get('vlan') is not None:
        hdr += struct.pack('!HH', 0x8100, num(f['vlan']) & 0xfff)
    return hdr + struct.pack('!H', ethtype) + payload


def ipv4(f, proto, payload):
    """An IPv4 header (no options, DF clear) followed by payload."""
    hdr = struct.pack('!BBHHHBBH4s4s', 0x45, num(f.get('ip.tos', '0')),
                      20 + len(payload), num(f.get('ip.id', '0')), 0,
                      num(f.get('ip.ttl', '64')), proto, 0,
                      ip4(f['ip4.src']), ip4(f['ip4.dst']))
    hdr = hdr[:10] + struct.pack('!H', csum(hdr)) + hdr[12:]
    return hdr + payload


def ipv6(f, nxt, payload, hlim=None):
    """An IPv6 header followed by payload."""
    if hlim is None:
        hlim = num(f.get('ip.ttl', '64'))
    return struct.pack('!IHBB16s16s', 6 << 28, len(payload), nxt, hlim,
                       ip6(f['ip6.src']), ip6(f['ip6.dst'])) + payload


def l4_csum4(f, proto, seg):
    """Checksum of an L4 segment over the IPv4 pseudo-header."""
    pseudo = ip4(f['ip4.src']) + ip4(f['ip4.dst']) + struct.pack(
        '!BBH', 0, proto, len(seg))
    return csum(pseudo + seg)


def l4_csum6(f, nxt, seg):
    """Checksum of an L4 segment over the IPv6 pseudo-header."""
    pseudo = ip6(f['ip6.src']) + ip6(f['ip6.dst']) + struct.pack(
        '!IxxxB', len(seg), nxt)
    return csum(pseudo + seg)


def with_csum(seg, off, value):
    """Returns 'seg' with the 16-bit checksum at 'off' set to 'value'."""
    return seg[:off] + struct.pack('!H', value) + seg[off + 2:]


def payload(f):
    """The optional payload=HEX field as bytes."""
    return bytes.fromhex(f.get('payload', ''))


def udp_seg(f, csum_fn, proto):
    """A UDP segment with checksum computed by csum_fn."""
    data = payload(f)
    seg = struct.pack('!HHHH', num(f['udp.src']), num(f['udp.dst']),
                      8 + len(data), 0) + data
    c = csum_fn(f, proto, seg)
    return with_csum(seg, 6, c or 0xffff)


def tcp_seg(f, csum_fn, proto):
    """A TCP segment (no options) with checksum computed by csum_fn."""
    data = payload(f)
    seg = struct.pack('!HHIIBBHHH', num(f['tcp.src']), num(f['tcp.dst']),
                      num(f.get('tcp.seq', '0')), num(f.get('tcp.ack', '0')),
                      5 << 4, num(f.get('tcp.flags', '0x02')),
                      num(f.get('tcp.win', '65535')), 0, 0) + data
    return with_csum(seg, 16, csum_fn(f, proto, seg))


def icmp_seg(f, prefix, default_type):
    """An ICMP/ICMPv6 echo-style segment, checksum left zero."""
    return struct.pack('!BBHHH', num(f.get(prefix + '.type', default_type)),
                       num(f.get(prefix + '.code', '0')), 0,
                       num(f.get('icmp.id', '0')),
                       num(f.get('icmp.seq', '0'))) + payload(f)


def solicited_node(addr):
    """The solicited-node multicast address (and its MAC) of 'addr'."""
    a = ip6(addr)
    group = ipaddress.IPv6Address(b'\xff\x02' + b'\0' * 9 + b'\x01\xff'
                                  + a[13:])
    gmac = ':'.join('%02x' % b for b in b'\x33\x33' + group.packed[12:])
    return str(group), gmac


def nd_frame(f, icmp_type, body):
    """An ICMPv6 ND message (hop limit 255) inside IPv6 and Ethernet."""
    seg = struct.pack('!BBH', icmp_type, 0, 0) + body
    seg = with_csum(seg, 2, l4_csum6(f, 58, seg))
    return eth(f, 0x86dd, ipv6(f, 58, seg, hlim=255))


def nd_opt(kind, macstr):
    """A source/target link-layer address option."""
    return struct.pack('!BB', kind, 1) + mac(macstr)


def build(kind, f):
    """Builds frame 'kind' from field dict 'f'; returns bytes."""
    if kind == 'eth':
        return eth(f, num(f.get('eth.type', '0x0800')), payload(f))
    if kind == 'arp':
        f.setdefault('eth.dst', 'ff:ff:ff:ff:ff:ff')
        body = struct.pack('!HHBBH6s4s6s4s', 1, 0x0800, 6, 4,
                           num(f.get('arp.op', '1')),
                           mac(f.get('arp.sha', f['eth.src'])),
                           ip4(f['arp.spa']),
                           mac(f.get('arp.tha', '00:00:00:00:00:00')),
                           ip4(f['arp.tpa']))
        return eth(f, 0x0806, body)
    if kind == 'icmp4':
        seg = icmp_seg(f, 'icmp4', '8')
        seg = with_csum(seg, 2, csum(seg))
        return eth(f, 0x0800, ipv4(f, 1, seg))
    if kind == 'udp4':
        return eth(f, 0x0800, ipv4(f, 17, udp_seg(f, l4_csum4, 17)))
    if kind == 'tcp4':
        return eth(f, 0x0800, ipv4(f, 6, tcp_seg(f, l4_csum4, 6)))
    if kind == 'icmp6':
        seg = icmp_seg(f, 'icmp6', '128')
        seg = with_csum(seg, 2, l4_csum6(f, 58, seg))
        return eth(f, 0x86dd, ipv6(f, 58, seg))
    if kind == 'udp6':
        return eth(f, 0x86dd, ipv6(f, 17, udp_seg(f, l4_csum6, 17)))
    if kind == 'tcp6':
        return eth(f, 0x86dd, ipv6(f, 6, tcp_seg(f, l4_csum6, 6)))
    if kind == 'nd-ns':
        group, gmac = solicited_node(f['nd.target'])
        f.setdefault('ip6.dst', group)
        f.setdefault('eth.dst', gmac)
        body = b'\0' * 4 + ip6(f['nd.target'])
        if ipaddress.IPv6Address(f['ip6.src']).is_unspecified:
            f.setdefault('nd.sll', '')
        sll = f.get('nd.sll', f['eth.src'])
        if sll:
            body += nd_opt(1, sll)
        return nd_frame(f, 135, body)
    if kind == 'nd-na':
        body = struct.pack('!B3x', num(f.get('nd.flags', '0x60')))
        body += ip6(f['nd.target']) + nd_opt(2, f.get('nd.tll', f['eth.src']))
        return nd_frame(f, 136, body)
    if kind == 'nd-rs':
        f.setdefault('ip6.dst', 'ff02::2')
        f.setdefault('eth.dst', '33:33:00:00:00:02')
        return nd_frame(f, 133, b'\0' * 4 + nd_opt(1, f.get('nd.sll',
                                                            f['eth.src'])))
    if kind == 'dhcp4':
        f.setdefault('eth.dst', 'ff:ff:ff:ff:ff:ff')
        f.setdefault('ip4.src', '0.0.0.0')
        f.setdefault('ip4.dst', '255.255.255.255')
        f.setdefault('udp.src', '68')
        f.setdefault('udp.dst', '67')
        opts = struct.pack('!BBB', 53, 1, num(f.get('dhcp.type', '1')))
        if 'dhcp.reqip' in f:
            opts += struct.pack('!BB', 50, 4) + ip4(f['dhcp.reqip'])
        if 'dhcp.server' in f:
            opts += struct.pack('!BB', 54, 4) + ip4(f['dhcp.server'])
        params = [num(x) for x in
                  f.get('dhcp.params', '1,3,6,51,54').split(',') if x]
        if params:
            opts += struct.pack('!BB', 55, len(params)) + bytes(params)
        opts += b'\xff'
        bootp = struct.pack('!BBBBIHH4s4s4s4s16s64s128sI',
                            1, 1, 6, 0, num(f.get('dhcp.xid', '0x1234')),
                            0, 0x8000, ip4(f.get('dhcp.ciaddr', '0.0.0.0')),
                            b'\0' * 4, b'\0' * 4, b'\0' * 4,
                            mac(f['eth.src']) + b'\0' * 10, b'', b'',
                            0x63825363) + opts
        f['payload'] = bootp.hex()
        return eth(f, 0x0800, ipv4(f, 17, udp_seg(f, l4_csum4, 17)))
    if kind == 'geneve':
        inner = bytes.fromhex(f['inner'])
        opts = b''
        if 'ingress' in f or 'egress' in f:
            data = ((num(f.get('ingress', '0')) & 0x7fff) << 16) \
                | (num(f.get('egress', '0')) & 0xffff)
            opts = struct.pack('!HBBI', OVN_OPT_CLASS, OVN_OPT_TYPE, 1, data)
        gnv = struct.pack('!BBHI', len(opts) // 4, 0, 0x6558,
                          (num(f['vni']) & 0xffffff) << 8) + opts + inner
        f.setdefault('udp.src', '49152')
        f['udp.dst'] = str(GENEVE_PORT)
        f['payload'] = gnv.hex()
        return eth(f, 0x0800, ipv4(f, 17, udp_seg(f, l4_csum4, 17)))
    raise PktError('unknown frame kind %r' % kind)


def read_pcap(path):
    """Returns the list of complete frames (bytes) in pcap file 'path'.

    A file still being written may end in a partial record; it is ignored.
    A missing or empty file has no frames."""
    try:
        with open(path, 'rb') as fh:
            data = fh.read()
    except FileNotFoundError:
        return []
    if len(data) < 24:
        return []
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        endian = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        endian = '>'
    else:
        raise PktError('%s: not a pcap file' % path)
    frames = []
    off = 24
    while off + 16 <= len(data):
        _, _, incl, _ = struct.unpack(endian + 'IIII', data[off:off + 16])
        if off + 16 + incl > len(data):
            break
        frames.append(data[off + 16:off + 16 + incl])
        off += 16 + incl
    return frames


def write_pcap(path, frames):
    """Writes 'frames' (bytes) to a new little-endian pcap file 'path'."""
    with open(path, 'wb') as fh:
        fh.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for fr in frames:
            fh.write(struct.pack('<IIII', 0, 0, len(fr), len(fr)) + fr)


def geneve_decode(frame):
    """Decodes an Ethernet/IPv4/UDP(6081)/Geneve frame into a string.

    Raises PktError if 'frame' is not such a frame."""
    off = 12
    ethtype = struct.unpack('!H', frame[off:off + 2])[0]
    off += 2
    if ethtype == 0x8100:
        ethtype = struct.unpack('!H', frame[off + 2:off + 4])[0]
        off += 4
    if ethtype != 0x0800 or len(frame) < off + 20:
        raise PktError('not IPv4')
    ihl = (frame[off] & 0x0f) * 4
    outer = 'ip4.src=%s ip4.dst=%s' % (
        ipaddress.IPv4Address(frame[off + 12:off + 16]),
        ipaddress.IPv4Address(frame[off + 16:off + 20]))
    if frame[off + 9] != 17:
        raise PktError('not UDP')
    off += ihl
    dport = struct.unpack('!H', frame[off + 2:off + 4])[0]
    if dport != GENEVE_PORT:
        raise PktError('UDP port %d is not Geneve' % dport)
    off += 8
    b0, b1, proto, vni_word = struct.unpack('!BBHI', frame[off:off + 8])
    if b0 >> 6 != 0:
        raise PktError('Geneve version %d' % (b0 >> 6))
    optlen = (b0 & 0x3f) * 4
    vni = vni_word >> 8
    opts = frame[off + 8:off + 8 + optlen]
    inner = frame[off + 8 + optlen:]
    out = [outer, 'vni=0x%06x' % vni]
    if proto != 0x6558:
        out.append('proto=0x%04x' % proto)
    o = 0
    while o + 4 <= len(opts):
        cls, typ, rlen = struct.unpack('!HBB', opts[o:o + 4])
        dlen = (rlen & 0x1f) * 4
        data = opts[o + 4:o + 4 + dlen]
        out.append('class=0x%04x type=0x%02x' % (cls, typ))
        if cls == OVN_OPT_CLASS and typ == OVN_OPT_TYPE and dlen == 4:
            val = struct.unpack('!I', data)[0]
            out.append('ingress=%d egress=%d' % ((val >> 16) & 0x7fff,
                                                 val & 0xffff))
        else:
            out.append('data=%s' % data.hex())
        o += 4 + dlen
    out.append('inner=%s' % inner.hex())
    return ' '.join(out)


def describe(frame):
    """A one-line human summary of an Ethernet frame (no ids/checksums)."""
    def m(b):
        return ':'.join('%02x' % x for x in b)
    out = ['%s>%s' % (m(frame[6:12]), m(frame[0:6]))]
    off = 12
    ethtype = struct.unpack('!H', frame[off:off + 2])[0]
    if ethtype == 0x8100:
        out.append('vlan=%d' % (struct.unpack('!H', frame[14:16])[0] & 0xfff))
        off += 4
        ethtype = struct.unpack('!H', frame[off:off + 2])[0]
    off += 2
    l3 = frame[off:]
    if ethtype == 0x0806 and len(l3) >= 28:
        op = struct.unpack('!H', l3[6:8])[0]
        out.append('arp op=%d %s>%s' % (op, ipaddress.IPv4Address(l3[14:18]),
                                        ipaddress.IPv4Address(l3[24:28])))
    elif ethtype == 0x0800 and len(l3) >= 20:
        ihl = (l3[0] & 0x0f) * 4
        proto = l3[9]
        out.append('ip4 %s>%s ttl=%d' % (ipaddress.IPv4Address(l3[12:16]),
                                        ipaddress.IPv4Address(l3[16:20]),
                                        l3[8]))
        l4 = l3[ihl:]
        out.append(describe_l4(proto, l4, 1))
    elif ethtype == 0x86dd and len(l3) >= 40:
        out.append('ip6 %s>%s hlim=%d' % (ipaddress.IPv6Address(l3[8:24]),
                                         ipaddress.IPv6Address(l3[24:40]),
                                         l3[7]))
        out.append(describe_l4(l3[6], l3[40:], 58))
    else:
        out.append('type=0x%04x len=%d' % (ethtype, len(frame)))
    return ' '.join(out)


def describe_l4(proto, l4, icmp_proto):
    """Summary of an L4 header: protocol, ports or ICMP type/code."""
    if proto == icmp_proto and len(l4) >= 4:
        return '%s type=%d code=%d len=%d' % (
            'icmp4' if proto == 1 else 'icmp6', l4[0], l4[1], len(l4))
    if proto in (6, 17) and len(l4) >= 4:
        sport, dport = struct.unpack('!HH', l4[:4])
        return '%s %d>%d len=%d' % ('tcp' if proto == 6 else 'udp',
                                    sport, dport, len(l4))
    return 'proto=%d len=%d' % (proto, len(l4))


def parse_fields(args):
    """Turns ['k=v', ...] into a dict."""
    f = {}
    for a in args:
        if '=' not in a:
            raise PktError('expected key=value, got %r' % a)
        k, v = a.split('=', 1)
        f[k] = v
    return f


def main(argv):
    """Command-line entry point; returns the exit status."""
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    cmd = argv[1]
    try:
        if cmd in ('pcap', 'count', 'pcap-geneve'):
            if len(argv) < 3:
                raise PktError('%s needs a FILE' % cmd)
            f = parse_fields(argv[3:])
            frames = read_pcap(argv[2])[num(f.get('skip', '0')):]
            if cmd == 'count':
                print(len(frames))
            for fr in frames if cmd != 'count' else []:
                if cmd == 'pcap':
                    print(fr.hex())
                else:
                    try:
                        line = geneve_decode(fr)
                        if f.get('describe') == '1':
                            head, inner = line.rsplit(' inner=', 1)
                            line = '%s inner: %s' % (
                                head, describe(bytes.fromhex(inner)))
                        print(line)
                    except (PktError, struct.error, IndexError):
                        print('non-geneve ' + fr.hex())
        elif cmd == 'write-pcap':
            write_pcap(argv[2], [bytes.fromhex(h) for h in argv[3:]])
        elif cmd == 'describe':
            print(describe(bytes.fromhex(argv[2])))
        elif cmd == 'geneve-decode':
            print(geneve_decode(bytes.fromhex(argv[2])))
        else:
            print(build(cmd, parse_fields(argv[2:])).hex())
    except (PktError, KeyError, ValueError, struct.error, IndexError) as e:
        if isinstance(e, KeyError):
            e = 'missing field %s' % e
        sys.stderr.write('pkt.py %s: %s\n' % (cmd, e))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
