using System.Runtime.InteropServices;

namespace Moderation.Imaging.Interop;

/// <summary>libwebp's <c>WebPBitstreamFeatures</c> (webp/decode.h 1.2.4): five ints and <c>uint32_t pad[5]</c>, 40 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WebPBitstreamFeatures
{
    public int Width;
    public int Height;
    public int HasAlpha;
    public int HasAnimation;
    /// <summary>0 undefined or mixed, 1 lossy, 2 lossless.</summary>
    public int Format;
    public fixed uint Pad[5];
}
