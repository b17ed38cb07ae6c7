using System.Buffers.Binary;
using System.IO.Compression;

namespace Moderation.Training.Data;

/// <summary>
/// Reader for the IDX format of MNIST and Fashion-MNIST (yann.lecun.com/exdb/mnist): a big-endian int32 magic number
/// (0x00000803 = 2051 for unsigned-byte images, 0x00000801 = 2049 for unsigned-byte labels), big-endian int32
/// dimension sizes, then the unsigned bytes row-major. Files may be gzip-compressed (detected by the gzip magic 1F 8B).
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned-byte 3-D data (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned-byte 1-D data (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Reads an images file: pixels <c>[n,rows,columns]</c> row-major, 0 = background, 255 = ink.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Wrong magic number, bad sizes, truncated or trailing data.</exception>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(string path)
    {
        using var stream = OpenMaybeGzip(path);
        try
        {
            return ReadImages(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads a labels file: one byte per item.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Wrong magic number, truncated or trailing data.</exception>
    public static byte[] ReadLabels(string path)
    {
        using var stream = OpenMaybeGzip(path);
        try
        {
            return ReadLabels(stream);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads uncompressed IDX images from <paramref name="stream"/> (to its end).</summary>
    /// <exception cref="InvalidDataException">Wrong magic number, bad sizes, truncated or trailing data.</exception>
    public static (byte[] Pixels, int Count, int Rows, int Columns) ReadImages(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        int[] header = ReadHeader(stream, ImagesMagic, "images", 3);
        int count = header[0], rows = header[1], columns = header[2];
        if (rows == 0 || columns == 0) throw new InvalidDataException($"images of {rows}×{columns} pixels");
        long total = (long)count * rows * columns;
        if (total > Array.MaxLength) throw new InvalidDataException($"{count}×{rows}×{columns} pixels do not fit in one array");
        return (ReadBody(stream, (int)total), count, rows, columns);
    }

    /// <summary>Reads uncompressed IDX labels from <paramref name="stream"/> (to its end).</summary>
    /// <exception cref="InvalidDataException">Wrong magic number, truncated or trailing data.</exception>
    public static byte[] ReadLabels(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        int count = ReadHeader(stream, LabelsMagic, "labels", 1)[0];
        return ReadBody(stream, count);
    }

    private static int[] ReadHeader(Stream stream, int magic, string what, int dimensions)
    {
        Span<byte> buffer = stackalloc byte[4 * (1 + dimensions)];
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"IDX {what} header is truncated (needs {buffer.Length} bytes)");
        }
        int actual = BinaryPrimitives.ReadInt32BigEndian(buffer);
        if (actual != magic)
            throw new InvalidDataException($"not an IDX {what} file: magic number {actual} (0x{actual:X8}), expected {magic} (0x{magic:X8})");
        var sizes = new int[dimensions];
        for (int i = 0; i < dimensions; i++)
        {
            sizes[i] = BinaryPrimitives.ReadInt32BigEndian(buffer[(4 + 4 * i)..]);
            if (sizes[i] < 0) throw new InvalidDataException($"IDX {what} dimension {i} is negative ({sizes[i]})");
        }
        return sizes;
    }

    private static byte[] ReadBody(Stream stream, int length)
    {
        var data = new byte[length];
        int read = stream.ReadAtLeast(data, length, throwOnEndOfStream: false);
        if (read < length) throw new InvalidDataException($"IDX data is truncated: {read} of {length} bytes");
        if (stream.ReadByte() >= 0) throw new InvalidDataException($"IDX data has bytes after the declared {length}");
        return data;
    }

    private static Stream OpenMaybeGzip(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
