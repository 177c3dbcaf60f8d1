using Elim.Graph;

namespace Elim.Cli.Tests;

/// <summary>Tests that point <c>$ELIM_ORDER_STORE</c> at a store of their own run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class OrderStoreEnvironment
{
    public const string Name = "the ELIM_ORDER_STORE variable";
}

/// <summary>
/// A temporary folder with <c>$ELIM_ORDER_STORE</c> pointed at its <c>store</c> subfolder (not created) until disposed,
/// when the variable gets its old value back and the folder goes.
/// </summary>
public sealed class TemporaryOrderStore : IDisposable
{
    private readonly string? _previousStore = Environment.GetEnvironmentVariable(OrderStore.DirectoryVariable);

    public TemporaryOrderStore(string prefix)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory(prefix).FullName;
        Environment.SetEnvironmentVariable(OrderStore.DirectoryVariable, StoreDirectory);
    }

    /// <summary>The temporary folder.</summary>
    public string Directory { get; }

    /// <summary>The store's folder inside it.</summary>
    public string StoreDirectory => Path.Combine(Directory, "store");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(OrderStore.DirectoryVariable, _previousStore);
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
