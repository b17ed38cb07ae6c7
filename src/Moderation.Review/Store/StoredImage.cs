namespace Moderation.Review.Store;

/// <summary>A stored post's image: its bytes (null when not kept) and the post's content type.</summary>
internal sealed class StoredImage
{
    public string? ContentType { get; set; }
    public byte[]? Image { get; set; }
    public string ImageState { get; set; } = "";
}
