using System.Runtime.InteropServices;
using Google.Protobuf;
using Moderation.Export.Proto;

namespace Moderation.Export.Graph;

/// <summary>
/// Builds an ONNX graph node by node: float32 graph inputs/outputs with a symbolic batch dimension <c>N</c>,
/// initializers, and nodes of the default (ai.onnx) domain. Tensor names must be unique; the builder checks that each
/// node input already exists, so the node list it produces is topologically sorted.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    /// <summary>Name of the symbolic batch dimension.</summary>
    internal const string BatchDimension = "N";

    private readonly GraphProto graph;
    private readonly HashSet<string> tensors = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph.</summary>
    public OnnxGraphBuilder(string name) => graph = new GraphProto { Name = name };

    /// <summary>Adds a float32 graph input <c>[N, dims…]</c>.</summary>
    public string AddInput(string name, IReadOnlyList<int> dims)
    {
        Declare(name);
        graph.Input.Add(BatchedFloat(name, dims));
        return name;
    }

    /// <summary>Declares an existing tensor as a float32 graph output <c>[N, dims…]</c>.</summary>
    public void AddOutput(string name, IReadOnlyList<int> dims)
    {
        RequireExisting(name);
        graph.Output.Add(BatchedFloat(name, dims));
    }

    /// <summary>Adds a float32 initializer (stored as little-endian raw_data).</summary>
    public string AddInitializer(string name, IReadOnlyList<int> dims, ReadOnlySpan<float> values)
    {
        Declare(name);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims.Select(d => (long)d));
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values));
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a 1-D int64 initializer, e.g. a Reshape shape or ReduceSum axes.</summary>
    public string AddInt64Initializer(string name, params long[] values)
    {
        Declare(name);
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.AddRange(values);
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node with one output named <paramref name="output"/>; returns that name. An empty input name
    /// leaves an optional input out (ONNX IR: an empty string names a missing optional input).</summary>
    public string AddNode(string opType, string output, IReadOnlyList<string> inputs, params AttributeProto[] attributes)
    {
        foreach (var input in inputs.Where(i => i.Length > 0)) RequireExisting(input);
        Declare(output);
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{graph.Node.Count}", Domain = string.Empty };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    /// <summary>The finished graph.</summary>
    public GraphProto Build() => graph;

    /// <summary>An INT attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An INTS attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A STRING attribute (UTF-8).</summary>
    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A FLOAT attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static ValueInfoProto BatchedFloat(string name, IReadOnlyList<int> dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private void Declare(string name)
    {
        if (!tensors.Add(name)) throw new InvalidOperationException($"tensor name '{name}' is used twice in the graph");
    }

    private void RequireExisting(string name)
    {
        if (!tensors.Contains(name)) throw new InvalidOperationException($"tensor '{name}' is used before it is defined");
    }
}
