using System.Reflection;
using System.Reflection.Emit;

namespace Elim.Backend.Emit;

/// <summary>
/// Emits calls. Reflection.Emit builds a new metadata reference for every call to a method of another
/// assembly, which is slow for generic methods such as <c>Vector256.Min&lt;double&gt;</c> (a vector kernel has
/// one per instruction). With a type to emit into, each distinct generic method gets one small forwarding
/// method there (inlined by the JIT), and every call site calls the forwarder, whose reference is cheap. Other
/// methods (operators of <c>Vector512&lt;double&gt;</c>, <c>Math.Sinh</c>) are called directly: every forwarder
/// spends some of the JIT's inlining budget, and in g's eight-lane kernel the budget ran out, leaving
/// hundreds of vector multiplications as calls.
/// </summary>
public sealed class CallEmitter
{
    private readonly TypeBuilder? _type;
    private readonly Dictionary<MethodInfo, MethodBuilder> _forwarders = [];

    /// <summary>Calls through forwarders defined on <paramref name="type"/>, or directly when it is null.</summary>
    public CallEmitter(TypeBuilder? type) => _type = type;

    /// <summary>Calls the methods directly.</summary>
    public static CallEmitter Direct { get; } = new(null);

    /// <summary>Emits a call of static <paramref name="method"/> (its arguments are on the stack).</summary>
    public void Emit(ILGenerator il, MethodInfo method)
    {
        if (_type is null || !method.IsGenericMethod)
        {
            il.Emit(OpCodes.Call, method);
            return;
        }
        if (!_forwarders.TryGetValue(method, out var forwarder))
        {
            var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
            forwarder = _type.DefineMethod($"{method.DeclaringType!.Name}_{method.Name}_{_forwarders.Count}",
                MethodAttributes.Private | MethodAttributes.Static, method.ReturnType, parameters);
            forwarder.SetImplementationFlags(MethodImplAttributes.AggressiveInlining);
            var body = forwarder.GetILGenerator();
            for (short i = 0; i < parameters.Length; i++) body.Emit(OpCodes.Ldarg, i);
            body.Emit(OpCodes.Call, method);
            body.Emit(OpCodes.Ret);
            _forwarders.Add(method, forwarder);
        }
        il.Emit(OpCodes.Call, forwarder);
    }
}
