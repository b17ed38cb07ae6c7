using System.ComponentModel.DataAnnotations;

namespace Moderation.Onnx.Export;

/// <summary>Options of <see cref="NetworkOnnxExporter.Export"/>.</summary>
public sealed class OnnxExportOptions
{
    /// <summary><c>ModelProto.producer_name</c>; default <c>moderation</c>.</summary>
    [Required]
    public string ProducerName { get; set; } = "moderation";

    /// <summary>When set (discriminators only), <c>anomaly_score</c> is the squared Mahalanobis distance of the
    /// features computed in the graph instead of −logit. Default null.</summary>
    public MahalanobisHead? Mahalanobis { get; set; }
}
