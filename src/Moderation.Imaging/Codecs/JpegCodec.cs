using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>JPEG through TurboJPEG, decoded straight to TJPF_GRAY: for YCbCr files that is the Y channel, which JFIF
/// defines as BT.601 luma of the RGB image. Warnings (e.g. premature end of data) stop decoding and count as corrupt;
/// progressive files with an unreasonable scan count are refused (TJFLAG_LIMITSCANS).</summary>
internal static unsafe class JpegCodec
{
    private const int DecodeFlags = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS;

    public static PooledGrayImage Decode(ReadOnlySpan<byte> data, ImageLimits limits)
    {
        // A fresh instance per call: TurboJPEG instances must not be shared between threads, creating one costs a
        // few microseconds next to a decode, and a per-call instance carries no state from a previous bad file.
        using TurboJpegHandle handle = CreateTurboJpeg(compress: false);
        fixed (byte* jpeg = data)
        {
            VerifyTurboJpeg(tjDecompressHeader3(handle, jpeg, (nuint)data.Length, out int width, out int height,
                out _, out int colorspace), handle, "tjDecompressHeader3");
            limits.Verify(width, height, "JPEG");
            if (colorspace is TJCS_CMYK or TJCS_YCCK)
            {
                throw new ImageRejectedException(DeadLetterReasons.UnsupportedType, "CMYK/YCCK JPEG is not supported.");
            }

            var result = PooledGrayImage.Rent(width, height, 1);
            try
            {
                fixed (byte* gray = result.RentedSpan(1))
                {
                    VerifyTurboJpeg(tjDecompress2(handle, jpeg, (nuint)data.Length, gray, width, width, height, TJPF_GRAY,
                        DecodeFlags), handle, "tjDecompress2");
                }

                return result;
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }
    }
}
