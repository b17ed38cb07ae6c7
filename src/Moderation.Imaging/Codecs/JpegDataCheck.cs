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
/// counts the warnings that mean damaged data (<see cref="DamageWarnings"/>; "extraneous bytes before marker", a JFIF or
/// Adobe header oddity and the like are left alone: many cameras write them and browsers show such files). Only libjpeg's
/// own error (<c>error_exit</c>) or a damage warning refuses a file; any other exception inside LibJpeg.NET is a defect of
/// the port, not evidence against an image Skia decoded, and leaves the image accepted. Only Huffman-coded frames (SOF0–SOF2, ITU-T T.81 table B.1) are checked: LibJpeg.NET 1.5
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

        var messages = new DamageMessages();
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
            return; // a defect of LibJpeg.NET on these bytes (libjpeg's own errors arrive as ImageRejectedException)
        }
        finally
        {
            jpeg.jpeg_destroy();
        }

        if (messages.Damage > 0)
        {
            throw new ImageRejectedException(DeadLetterReasons.Corrupt,
                $"JPEG data is damaged: libjpeg (LibJpeg.NET) warned {messages.Damage}× (first: {messages.First}).");
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

    /// <summary>libjpeg's warnings about damaged entropy-coded data (IJG libjpeg 6b, jerror.h): a Huffman or arithmetic
    /// code in no table, a marker before the scan's end, a lost restart marker, a file ending early, an impossible
    /// progression.</summary>
    private static readonly J_MESSAGE_CODE[] DamageWarnings =
    [
        J_MESSAGE_CODE.JWRN_HUFF_BAD_CODE, J_MESSAGE_CODE.JWRN_ARITH_BAD_CODE, J_MESSAGE_CODE.JWRN_HIT_MARKER,
        J_MESSAGE_CODE.JWRN_MUST_RESYNC, J_MESSAGE_CODE.JWRN_JPEG_EOF, J_MESSAGE_CODE.JWRN_BOGUS_PROGRESSION,
    ];

    /// <summary>Counts damage warnings and keeps the first (nothing is written to the console, libjpeg's default);
    /// libjpeg's fatal error becomes <see cref="ImageRejectedException"/> with reason <c>corrupt</c>.</summary>
    private sealed class DamageMessages : jpeg_error_mgr
    {
        /// <summary>The literal start of each damage warning's message template (up to its first parameter): LibJpeg.NET
        /// keeps a message's code internal, so a warning is recognised by its text.</summary>
        private static readonly string[] DamagePrefixes = new DamageMessages().TemplatePrefixes();

        public string? First { get; private set; }

        public int Damage { get; private set; }

        /// <summary>Sees every warning (msg_level −1; libjpeg's own emit_message passes only the first one on to
        /// output_message) and ignores trace messages.</summary>
        public override void emit_message(int msg_level)
        {
            if (msg_level != -1)
            {
                return;
            }

            string message = format_message();
            if (DamagePrefixes.Any(prefix => message.StartsWith(prefix, StringComparison.Ordinal)))
            {
                Damage++;
                First ??= message;
            }
        }

        private string[] TemplatePrefixes() => [.. DamageWarnings.Select(code =>
        {
            string template = GetMessageText((int)code);
            int parameter = template.IndexOf('{', StringComparison.Ordinal);
            return parameter < 0 ? template : template[..parameter];
        })];

        public override void error_exit() =>
            throw new ImageRejectedException(DeadLetterReasons.Corrupt, $"JPEG data rejected by libjpeg (LibJpeg.NET): {format_message()}");
    }
}
