namespace Elim.Frontend.Lowering;

/// <summary>Names visible in a function body: the function's own scope and one nested scope per loop iteration.</summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, Binding> _bindings = [];

    /// <summary>The enclosing scope, or null for the function scope.</summary>
    public Scope? Parent { get; } = parent;

    /// <summary>The outermost (function) scope.</summary>
    public Scope Function => Parent?.Function ?? this;

    /// <summary>Finds <paramref name="name"/> here or in an enclosing scope.</summary>
    public Binding? Find(string name) =>
        _bindings.TryGetValue(name, out var binding) ? binding : Parent?.Find(name);

    /// <summary>Adds a new binding to this scope.</summary>
    public Binding Add(Binding binding)
    {
        _bindings.Add(binding.Name, binding);
        return binding;
    }

    /// <summary>The bindings created in this scope itself, in creation order.</summary>
    public IEnumerable<string> OwnNames => _bindings.Keys;

    /// <summary>The binding of <paramref name="name"/> created in this scope itself, or null.</summary>
    public Binding? Own(string name) => _bindings.GetValueOrDefault(name);

    /// <summary>Every visible name, innermost first (for suggestions).</summary>
    public IEnumerable<string> Names => _bindings.Keys.Concat(Parent?.Names ?? []);
}
