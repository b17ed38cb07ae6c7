namespace Moderation.Imaging.Tests.Samples;

/// <summary>A small GIF89a reader for the tests (spec sections 17–23 and Appendix F): global colour table, extension
/// blocks skipped, first image's LZW data decoded with variable code widths up to 12 bits.</summary>
internal static class GifDecoder
{
    public static (int Width, int Height, byte[] Palette, byte[] Indices) Decode(byte[] gif)
    {
        Assert.Equal("GIF89a"u8.ToArray(), gif[..6]);
        int width = gif[6] | (gif[7] << 8), height = gif[8] | (gif[9] << 8);
        int pos = 13;
        byte[] palette = [];
        if ((gif[10] & 0x80) != 0)
        {
            int size = 3 << ((gif[10] & 7) + 1);
            palette = gif[pos..(pos + size)];
            pos += size;
        }

        while (gif[pos] == 0x21) // extension: introducer, label, sub-blocks
        {
            pos = SkipSubBlocks(gif, pos + 2);
        }

        Assert.Equal(0x2C, gif[pos]);
        Assert.Equal((width, height), (gif[pos + 5] | (gif[pos + 6] << 8), gif[pos + 7] | (gif[pos + 8] << 8)));
        Assert.Equal(0, gif[pos + 9] & 0x80); // no local colour table
        int minCodeSize = gif[pos + 10];
        int end = SkipSubBlocks(gif, pos + 11);
        var data = new List<byte>();
        for (int block = pos + 11; gif[block] != 0; block += gif[block] + 1)
        {
            data.AddRange(gif.AsSpan(block + 1, gif[block]));
        }

        Assert.Equal(0x3B, gif[end]);
        Assert.Equal(end + 1, gif.Length);
        return (width, height, palette, Lzw([.. data], minCodeSize));
    }

    private static int SkipSubBlocks(byte[] gif, int pos)
    {
        while (gif[pos] != 0)
        {
            pos += gif[pos] + 1;
        }

        return pos + 1;
    }

    private static byte[] Lzw(byte[] data, int minCodeSize)
    {
        int clear = 1 << minCodeSize, endCode = clear + 1, codeSize = minCodeSize + 1;
        var table = new List<byte[]>();
        void Reset()
        {
            table.Clear();
            for (int i = 0; i < clear; i++)
            {
                table.Add([(byte)i]);
            }

            table.Add([]);
            table.Add([]);
            codeSize = minCodeSize + 1;
        }

        Reset();
        var output = new List<byte>();
        byte[]? previous = null;
        for (int bit = 0; ;)
        {
            int code = 0;
            for (int k = 0; k < codeSize; k++, bit++)
            {
                code |= ((data[bit >> 3] >> (bit & 7)) & 1) << k;
            }

            if (code == clear)
            {
                Reset();
                previous = null;
                continue;
            }

            if (code == endCode)
            {
                return [.. output];
            }

            byte[] entry = code < table.Count ? table[code]
                : code == table.Count && previous is not null ? [.. previous, previous[0]]
                : throw new InvalidDataException($"LZW code {code} is beyond the table ({table.Count}).");
            output.AddRange(entry);
            if (previous is not null && table.Count < 4096)
            {
                table.Add([.. previous, entry[0]]);
                if (table.Count == 1 << codeSize && codeSize < 12)
                {
                    codeSize++;
                }
            }

            previous = entry;
        }
    }
}
