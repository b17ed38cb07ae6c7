using System.Buffers.Binary;
using BitMiracle.LibJpeg.Classic;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Codecs;

/// <summary>Refuses a JPEG whose entropy-coded data is damaged. libjpeg reports damage it can conceal (a Huffman code
/// that is in no table, a marker before the scan's last MCU, bytes left over after it) as warnings; Skia's decoder
/// ignores libjpeg's warnings and returns <see cref="SkiaSharp.SKCodecResult.Success"/> for such files (a bit-flipped or
/// garbage scan then decodes to a smeared image). LibJpeg.NET (Bit Miracle's managed port of IJG libjpeg 6b) reads the
/// data once more at 1/8 scale (the 1×1 IDCT: every coefficient is still Huffman-decoded, none is transformed) and
/// counts those warnings. Only Huffman-coded frames (SOF0–SOF2, ITU-T T.81 table B.1) are checked: LibJpeg.NET 1.5
/// does not implement arithmetic or lossless decoding, which Skia's libjpeg-turbo does. Measured cost: see
/// tests/Moderation.Imaging.Benchmarks/results.</summary>
internal static unsafe class JpegDataCheck
{
    /// <exception cref="ImageRejectedException">Reason <c>corrupt</c>, with libjpeg's first warning or its error.</exception>
    public static void Verify(ReadOnlySpan<byte> data)
    {
        if (!IsHuffmanCoded(data))
        {
            return;
        }

        var messages = new FirstMessage();
        var jpeg = new jpeg_decompress_struct(messages);
        try
        {
            fixed (byte* encoded = data)
            {
                using var stream = new UnmanagedMemoryStream(encoded, data.Length);
                jpeg.jpeg_stdio_src(stream);
                jpeg.jpeg_read_header(true);
                jpeg.Scale_num = 1;
                jpeg.Scale_denom = 8;
                jpeg.Do_fancy_upsampling = false;
                jpeg.jpeg_start_decompress();
                byte[][] row = [new byte[jpeg.Output_width * jpeg.Output_components]];
                while (jpeg.Output_scanline < jpeg.Output_height)
                {
                    jpeg.jpeg_read_scanlines(row, 1);
                }

                jpeg.jpeg_finish_decompress(); // reads on to EOI: reports bytes left over after the last scan
            }
        }
        catch (Exception e) when (e is not ImageRejectedException and not OutOfMemoryException)
        {
            // LibJpeg.NET's error_exit throws System.Exception with libjpeg's message.
            throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"JPEG data rejected by libjpeg (LibJpeg.NET): {e.Message}", e);
        }
        finally
        {
            jpeg.jpeg_destroy();
        }

        if (messages.Num_warnings > 0)
        {
            throw new ImageRejectedException(DeadLetterReasons.Corrupt,
                $"JPEG data is damaged: libjpeg (LibJpeg.NET) warned {messages.Num_warnings}× (first: {messages.First}).");
        }
    }

    /// <summary>Walks the marker segments (T.81 B.1.1.4, 0xFF fill bytes allowed) to the first SOFn: true for SOF0–SOF2.</summary>
    private static bool IsHuffmanCoded(ReadOnlySpan<byte> jpeg)
    {
        int offset = 2;
        while (offset + 4 <= jpeg.Length && jpeg[offset] == 0xFF)
        {
            byte marker = jpeg[offset + 1];
            if (marker == 0xFF)
            {
                offset++;
            }
            else if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return marker <= 0xC2;
            }
            else
            {
                offset += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + 2)..]);
            }
        }

        return false;
    }

    /// <summary>Keeps libjpeg's first warning instead of writing it to the console (the default).</summary>
    private sealed class FirstMessage : jpeg_error_mgr
    {
        public string? First { get; private set; }

        public override void output_message() => First ??= format_message();
    }
}
