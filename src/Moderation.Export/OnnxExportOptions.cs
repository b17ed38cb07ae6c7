using System.ComponentModel.DataAnnotations;

namespace Moderation.Export;

/// <summary>Options of <see cref="NetworkOnnxExporter.Export"/>.</summary>
public sealed class OnnxExportOptions
{
    /// <summary><c>ModelProto.producer_name</c>; default <c>moderation</c>.</summary>
    [Required]
    public string ProducerName { get; set; } = "moderation";
}
