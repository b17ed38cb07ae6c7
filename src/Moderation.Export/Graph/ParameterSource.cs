using Moderation.Core.Networks;

namespace Moderation.Export.Graph;

/// <summary>Looks up network parameters by libtorch <c>Sequential</c> name (<c>"{i}.weight"</c>, …) and checks shapes.</summary>
internal sealed class ParameterSource(IReadOnlyDictionary<string, NamedTensor> parameters)
{
    /// <summary>The parameter <c>"{layer}.{suffix}"</c>, which must have exactly <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The parameter is missing or has another shape or length.</exception>
    public NamedTensor Take(int layer, string suffix, params int[] shape)
    {
        var name = $"{layer}.{suffix}";
        if (!parameters.TryGetValue(name, out var tensor))
            throw new ArgumentException($"parameter '{name}' [{string.Join(',', shape)}] is missing", nameof(parameters));
        if (!tensor.Shape.SequenceEqual(shape) || tensor.Data.Length != tensor.Length)
            throw new ArgumentException(
                $"parameter '{name}' has shape [{string.Join(',', tensor.Shape)}] and {tensor.Data.Length} values; expected [{string.Join(',', shape)}]",
                nameof(parameters));
        return tensor;
    }
}
