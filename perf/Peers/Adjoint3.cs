namespace Elim.Perf.Peers;

/// <summary>Three adjoints carried together, one per output of a three-output function.</summary>
public struct Adjoint3(double x, double y, double z)
{
    public double X = x, Y = y, Z = z;

    public static Adjoint3 operator +(Adjoint3 a, Adjoint3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Adjoint3 operator -(Adjoint3 a, Adjoint3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Adjoint3 operator *(Adjoint3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Adjoint3 operator -(Adjoint3 a) => new(-a.X, -a.Y, -a.Z);
}
