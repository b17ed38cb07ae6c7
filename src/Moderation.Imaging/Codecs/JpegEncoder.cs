using Moderation.Imaging.Interop;
using static Moderation.Imaging.Interop.NativeMethods;

namespace Moderation.Imaging.Codecs;

/// <summary>Single-component (gray) baseline JPEG through TurboJPEG's tjCompress2.</summary>
internal static unsafe class JpegEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> gray, int width, int height, int quality)
    {
        using TurboJpegHandle handle = CreateTurboJpeg(compress: true);
        nint jpeg = 0;
        nuint size = 0;
        int status;
        fixed (byte* pixels = gray)
        {
            status = tjCompress2(handle, pixels, width, width, height, TJPF_GRAY, ref jpeg, ref size, TJSAMP_GRAY, quality, 0);
        }

        // tjCompress2 may allocate the buffer even when it then fails: own it before checking the status.
        using var buffer = new TurboJpegBufferHandle(jpeg);
        VerifyTurboJpeg(status, handle, "tjCompress2");
        return new ReadOnlySpan<byte>((void*)jpeg, checked((int)size)).ToArray();
    }
}
