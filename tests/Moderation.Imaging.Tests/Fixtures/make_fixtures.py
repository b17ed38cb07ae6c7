#!/usr/bin/env python3
"""Regenerates the independent-encoder fixtures (see README.md). Needs python3 (stdlib only) and Debian's
libjpeg-turbo-progs (cjpeg, jpegtran), webp (cwebp), pngcrush and imagemagick (convert). Patterns must match FixturePatterns.cs."""
import os, struct, subprocess, tempfile, zlib

W, H = 40, 30
HERE = os.path.dirname(os.path.abspath(__file__))

def gray(x, y): return 4 * x + 2 * y
def rgb(x, y): return (6 * x, 8 * y, 255 - 3 * x - 3 * y)
def alpha(x, y): return min(255, 7 * x + 3 * y)
PALETTE = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (40, 40, 40)]
PALETTE_ALPHA = [255, 128, 255, 0]
def palette_index(x, y): return ((x // 10) + (y // 10)) % 4

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)

def filter_rows(rows, bpp):
    """PNG spec 9.2: cycle through filter types 0..4 row by row so the reader must undo all five."""
    out, prev = bytearray(), bytes(len(rows[0])) if rows else b""
    for n, row in enumerate(rows):
        ftype = n % 5
        f = bytearray()
        for i, v in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][ftype]
            f.append((v - pred) & 0xFF)
        out += bytes([ftype]) + f
        prev = row
    return bytes(out)

ADAM7 = [(0, 0, 8, 8), (0, 4, 8, 8), (4, 0, 8, 4), (0, 2, 4, 4), (2, 0, 4, 2), (0, 1, 2, 2), (1, 0, 2, 1)]

def write_png(name, color_type, depth, pixel_bytes, bpp, interlace=False, extra=b""):
    """pixel_bytes(x, y) -> bytes of one pixel (depth >= 8), or an int sample when depth < 8 (gray/palette)."""
    def rows_for(xs, ys):
        rows = []
        for y in ys:
            if depth >= 8:
                rows.append(b"".join(pixel_bytes(x, y) for x in xs))
            else:
                bits, row = 0, bytearray()
                acc = 0
                for x in xs:
                    acc = (acc << depth) | pixel_bytes(x, y)
                    bits += depth
                    if bits == 8:
                        row.append(acc); acc = 0; bits = 0
                if bits:
                    row.append(acc << (8 - bits))
                rows.append(bytes(row))
        return rows
    if interlace:
        raw = b""
        for (y0, x0, dy, dx) in ADAM7:
            xs, ys = list(range(x0, W, dx)), list(range(y0, H, dy))
            if xs and ys:
                raw += filter_rows(rows_for(xs, ys), bpp)
    else:
        raw = filter_rows(rows_for(range(W), range(H)), bpp)
    ihdr = struct.pack(">IIBBBBB", W, H, depth, color_type, 0, 0, 1 if interlace else 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)

def run(*args):
    subprocess.run(args, check=True, cwd=HERE)

write_png("gray8.png", 0, 8, lambda x, y: bytes([gray(x, y)]), 1)
write_png("gray8-adam7.png", 0, 8, lambda x, y: bytes([gray(x, y)]), 1, interlace=True)
write_png("gray16.png", 0, 16, lambda x, y: struct.pack(">H", gray(x, y) * 257), 2)
write_png("graya8.png", 4, 8, lambda x, y: bytes([gray(x, y), alpha(x, y)]), 2)
write_png("rgb8.png", 2, 8, lambda x, y: bytes(rgb(x, y)), 3)
write_png("rgba8.png", 6, 8, lambda x, y: bytes(rgb(x, y) + (alpha(x, y),)), 4)
write_png("palette2-trns.png", 3, 2, palette_index, 1,
          extra=chunk(b"PLTE", b"".join(bytes(c) for c in PALETTE)) + chunk(b"tRNS", bytes(PALETTE_ALPHA)))
run("pngcrush", "-q", "-brute", "-rem", "alla", "rgb8.png", "rgb8-pngcrush.png")

with tempfile.TemporaryDirectory() as tmp:
    pgm, ppm, pam = (os.path.join(tmp, n) for n in ("gray.pgm", "rgb.ppm", "rgba.pam"))
    with open(pgm, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (W, H) + bytes(gray(x, y) for y in range(H) for x in range(W)))
    with open(ppm, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (W, H) + b"".join(bytes(rgb(x, y)) for y in range(H) for x in range(W)))
    with open(pam, "wb") as f:
        f.write(b"P7\nWIDTH %d\nHEIGHT %d\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n" % (W, H)
                + b"".join(bytes(rgb(x, y) + (alpha(x, y),)) for y in range(H) for x in range(W)))
    run("cjpeg", "-quality", "95", "-outfile", "gray-q95.jpg", pgm)
    run("cjpeg", "-quality", "95", "-outfile", "rgb420-q95.jpg", ppm)
    run("cjpeg", "-quality", "90", "-progressive", "-sample", "1x1", "-outfile", "rgb444-progressive-q90.jpg", ppm)
    run("jpegtran", "-arithmetic", "-outfile", "rgb420-arithmetic.jpg", "rgb420-q95.jpg")
    run("convert", ppm, "-colorspace", "CMYK", "-quality", "95", "cmyk-q95.jpg")
    run("cwebp", "-quiet", "-lossless", pgm, "-o", "gray-lossless.webp")
    run("cwebp", "-quiet", "-lossless", "-exact", pam, "-o", "rgba-lossless.webp")
    run("cwebp", "-quiet", "-q", "90", ppm, "-o", "rgb-q90.webp")
    run("cwebp", "-quiet", "-q", "90", "-alpha_q", "100", pam, "-o", "rgba-q90.webp")
