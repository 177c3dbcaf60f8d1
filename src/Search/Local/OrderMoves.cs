namespace Elim.Search.Local;

/// <summary>The neighbourhood of local search: swap two entries, move one entry, reverse a segment.</summary>
internal enum MoveKind
{
    Swap,
    Insert,
    Reverse,
}

/// <summary>A move on an order between positions <see cref="From"/> and <see cref="To"/>, and its inverse.</summary>
internal readonly record struct OrderMove(MoveKind Kind, int From, int To)
{
    /// <summary>The first position the move changes.</summary>
    public int FirstChanged => Math.Min(From, To);

    /// <summary>The last position the move changes.</summary>
    public int LastChanged => Math.Max(From, To);

    /// <summary>
    /// A random move at position <paramref name="from"/>; the distance to the other position is log-uniform,
    /// so most moves are local but some reach across the whole order.
    /// </summary>
    public static OrderMove Random(Random random, int from, int length)
    {
        var kind = (MoveKind)random.Next(3);
        int span = Math.Max(1, (int)Math.Exp(random.NextDouble() * Math.Log(length)));
        int to = random.Next(2) == 0 ? from + span : from - span;
        to = Math.Clamp(to, 0, length - 1);
        if (to == from) to = from == 0 ? 1 : from - 1;
        return new OrderMove(kind, from, to);
    }

    /// <summary>Applies the move to <paramref name="order"/> in place.</summary>
    public void Apply(Span<int> order)
    {
        switch (Kind)
        {
            case MoveKind.Swap: (order[From], order[To]) = (order[To], order[From]); break;
            case MoveKind.Insert: Shift(order, From, To); break;
            default: order[Math.Min(From, To)..(Math.Max(From, To) + 1)].Reverse(); break;
        }
    }

    /// <summary>Undoes <see cref="Apply"/>.</summary>
    public void Revert(Span<int> order)
    {
        if (Kind == MoveKind.Insert) Shift(order, To, From);
        else Apply(order);
    }

    // Takes the entry at 'from' out and puts it back at 'to', shifting the ones between.
    private static void Shift(Span<int> order, int from, int to)
    {
        int moved = order[from];
        if (from < to) order[(from + 1)..(to + 1)].CopyTo(order[from..]);
        else order[to..from].CopyTo(order[(to + 1)..]);
        order[to] = moved;
    }
}
