using System.Runtime.CompilerServices;
using Moderation.Imaging.Interop;

namespace Moderation.Imaging.Tests.Interop;

/// <summary>The managed mirrors of native structs must match the installed headers byte for byte; the expected numbers
/// are what gcc 12 reports with sizeof/offsetof for png.h 1.6.39 and webp/decode.h 1.2.4 on x86-64.</summary>
public sealed unsafe class NativeLayoutTests
{
    [Fact]
    public void Png_image_matches_png_h()
    {
        PngImage image = default;
        byte* start = (byte*)&image;

        Assert.Equal(104, sizeof(PngImage));
        Assert.Equal(8, (byte*)&image.Version - start);
        Assert.Equal(12, (byte*)&image.Width - start);
        Assert.Equal(16, (byte*)&image.Height - start);
        Assert.Equal(20, (byte*)&image.Format - start);
        Assert.Equal(24, (byte*)&image.Flags - start);
        Assert.Equal(28, (byte*)&image.ColormapEntries - start);
        Assert.Equal(32, (byte*)&image.WarningOrError - start);
        Assert.Equal(36, image.Message - start);
    }

    [Fact]
    public void Webp_bitstream_features_matches_decode_h()
    {
        Assert.Equal(40, Unsafe.SizeOf<WebPBitstreamFeatures>());
    }

    [Fact]
    public void Png_handle_is_released_once_and_frees_libpng_state()
    {
        PngImageHandle handle = PngImageHandle.Create();
        Assert.Equal(PngImageHandle.PngImageVersion, handle.Image.Version);

        handle.Dispose();
        handle.Dispose();

        Assert.True(handle.IsClosed);
    }
}
