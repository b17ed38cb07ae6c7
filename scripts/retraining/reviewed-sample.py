#!/usr/bin/env python3
"""Writes a sample of reviewed posts for `moderation retrain --reviewed DIR` (stdlib only, reproducible):

  DIR/dismissed/*.png  trouser images from Fashion-MNIST's TRAINING set (false positives: normal by the reviewer's word)
  DIR/confirmed/*.png  images of the other nine classes from Fashion-MNIST's TEST set (confirmed violations)

The held-out normal images of `retrain` are the trouser TEST images, so neither set overlaps them. Usage:
  scripts/retraining/reviewed-sample.py DIR [--dismissed 60] [--confirmed 200] [--seed 1]
"""
import argparse, gzip, os, random, struct, zlib

DATA = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        return [data[16 + i * rows * cols:16 + (i + 1) * rows * cols] for i in range(count)]
    return list(data[8:8 + count])


def png(pixels, width, height):
    """8-bit grayscale PNG (ISO/IEC 15948: IHDR, one IDAT with filter 0 per row, IEND)."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + pixels[y * width:(y + 1) * width] for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def write(folder, name, pixels):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".png"), "wb") as f:
        f.write(png(pixels, 28, 28))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--dismissed", type=int, default=60)
    parser.add_argument("--confirmed", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    train, train_labels = idx(f"{DATA}/train-images-idx3-ubyte.gz"), idx(f"{DATA}/train-labels-idx1-ubyte.gz")
    test, test_labels = idx(f"{DATA}/t10k-images-idx3-ubyte.gz"), idx(f"{DATA}/t10k-labels-idx1-ubyte.gz")
    trousers = [i for i, label in enumerate(train_labels) if label == 1]
    for i in sorted(rng.sample(trousers, args.dismissed)):
        write(os.path.join(args.dir, "dismissed"), f"train-{i:05d}", train[i])
    others = [i for i, label in enumerate(test_labels) if label != 1]
    for i in sorted(rng.sample(others, args.confirmed)):
        write(os.path.join(args.dir, "confirmed"), f"test-{i:05d}-class{test_labels[i]}", test[i])


if __name__ == "__main__":
    main()
