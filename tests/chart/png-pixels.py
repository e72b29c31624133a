#!/usr/bin/env python3
# Compares two PNG files pixel for pixel, whatever their encoders: prints the number of
# pixels that differ and exits 1 when any does (or the sizes differ), 0 when none does.
#
# Usage: png-pixels.py A.png B.png
import struct
import sys
import zlib


def decode(path):
    with open(path, 'rb') as f:
        data = f.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        sys.exit(f'{path}: not a PNG file')
    at, idat, header = 8, [], None
    while at < len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    if depth != 8 or interlace != 0:
        sys.exit(f'{path}: only 8-bit, non-interlaced PNG is read')
    raw = zlib.decompress(b''.join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    wa, ha, ca, a = decode(sys.argv[1])
    wb, hb, cb, b = decode(sys.argv[2])
    if (wa, ha, ca) != (wb, hb, cb):
        print(f'sizes differ: {wa}x{ha}x{ca} against {wb}x{hb}x{cb}')
        return 1
    differ = 0
    for ra, rb in zip(a, b):
        if ra != rb:
            differ += sum(ra[x:x + ca] != rb[x:x + ca] for x in range(0, len(ra), ca))
    print(f'{differ} pixels differ')
    return 1 if differ else 0


sys.exit(main())
