namespace Moderation.Integration.Tests;

/// <summary>Shares one <see cref="ModelFixture"/> across the test classes that need a model.</summary>
[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<ModelFixture>
{
    public const string Name = "model";
}
