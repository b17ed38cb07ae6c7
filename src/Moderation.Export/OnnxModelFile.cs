using System.ComponentModel.DataAnnotations;
using Google.Protobuf;
using Moderation.Core.Models;
using Moderation.Export.Proto;

namespace Moderation.Export;

/// <summary>Wraps a graph in an ONNX <c>ModelProto</c> (IR <see cref="NetworkOnnxExporter.IrVersion"/>, default-domain
/// opset <see cref="NetworkOnnxExporter.OpsetVersion"/>) and writes it atomically: the one file writer of both exporters.</summary>
internal static class OnnxModelFile
{
    /// <summary>Checks the options, writes the model to a temporary file, moves it into place and returns the file's
    /// lower-case hex SHA-256 (for the model card).</summary>
    /// <param name="build">Builds the graph (called after the options are validated).</param>
    /// <param name="metadata">Extra <c>metadata_props</c>, written in order.</param>
    /// <param name="path">Output file; its folder is created if missing.</param>
    /// <param name="options">Producer name.</param>
    /// <exception cref="ValidationException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="PlatformNotSupportedException">A big-endian machine (raw_data is little-endian).</exception>
    public static string Write(Func<GraphProto> build, Func<IEnumerable<(string Key, string Value)>> metadata, string path, OnnxExportOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("raw_data is written little-endian");

        var model = new ModelProto
        {
            IrVersion = NetworkOnnxExporter.IrVersion,
            ProducerName = options.ProducerName,
            ProducerVersion = typeof(OnnxModelFile).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = build(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = NetworkOnnxExporter.OpsetVersion });
        foreach (var (key, value) in metadata()) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary)) model.WriteTo(stream);
        File.Move(temporary, full, overwrite: true);
        return ModelCardStore.Sha256Hex(full);
    }
}
