namespace Elim.Perf.Peers;

/// <summary>
/// RoeFlux_1d (examples/roe_flux_1d.elim, γ = 0.5) differentiated by hand the way a careful C# user
/// would: one primal pass keeping the intermediates, then one reverse sweep that carries the adjoints of
/// all three outputs at once. The benchmark peer for Elim's compiled Jacobians.
/// </summary>
public static class RoeFluxReverseSweep
{
    private const double Gamma = 0.5;
    private const double G1 = Gamma - 1;

    /// <summary>Outputs (3) and Jacobian (3×6, row-major) at <paramref name="x"/> = (ul0, ul1, ul2, ur0, ur1, ur2).</summary>
    public static void Evaluate(ReadOnlySpan<double> x, Span<double> outputs, Span<double> jacobian)
    {
        double ul0 = x[0], ul1 = x[1], ul2 = x[2], ur0 = x[3], ur1 = x[4], ur2 = x[5];

        // primal
        double du0 = ur0 - ul0;
        double ulr0 = Math.Sqrt(ul0 * ur0);
        double sl = Math.Sqrt(ul0), sr = Math.Sqrt(ur0);
        double w1 = sl + sr;
        double vl = ul1 / ul0;
        double pl = G1 * (ul2 - 0.5 * ul1 * ul1 / ul0);
        double hl = (ul2 + pl) / ul0;
        double vr = ur1 / ur0;
        double pr = G1 * (ur2 - 0.5 * ur1 * ur1 / ur0);
        double hr = (ur2 + pr) / ur0;
        double dp = pr - pl, dv = vr - vl;
        double u = (sl * vl + sr * vr) / w1;
        double h = (sl * hl + sr * hr) / w1;
        double q2 = u * u;
        double a2 = G1 * (h - 0.5 * q2);
        double a = Math.Sqrt(a2);
        double lp = Math.Abs(u + a), l = Math.Abs(u);
        double n = a * ulr0;
        double c0 = (du0 - dp / a2) * l;
        double c1 = (dv + dp / n) * lp;
        double c2 = (dv - dp / n) * l;
        double f0 = ul1 + ur1;
        double f1 = pl + ul1 * vl + pr + ur1 * vr;
        double f2 = vl * (pl + ul2) + vr * (pr + ur2);
        double c = 0.5 * ulr0 / a;
        double df0 = c0 + c * c1 - c * c2;
        double df1 = c0 * u + c * c1 * (u + a) - c * c2 * (u - a);
        double df2 = c0 * 0.5 * q2 + c * c1 * (h + u * a) - c * c2 * (h - u * a);
        outputs[0] = 0.5 * (f0 - df0);
        outputs[1] = 0.5 * (f1 - df1);
        outputs[2] = 0.5 * (f2 - df2);

        // reverse sweep: φi = 0.5·(fi − dfi)
        var fb0 = new Adjoint3(0.5, 0, 0);
        var fb1 = new Adjoint3(0, 0.5, 0);
        var fb2 = new Adjoint3(0, 0, 0.5);
        var dfb0 = -fb0;
        var dfb1 = -fb1;
        var dfb2 = -fb2;

        double hua = h + u * a, hma = h - u * a, upa = u + a, uma = u - a;
        var c0b = dfb2 * (0.5 * q2) + dfb1 * u + dfb0;
        var q2b = dfb2 * (0.5 * c0);
        var cb = dfb2 * (c1 * hua - c2 * hma) + dfb1 * (c1 * upa - c2 * uma) + dfb0 * (c1 - c2);
        var c1b = dfb2 * (c * hua) + dfb1 * (c * upa) + dfb0 * c;
        var c2b = -(dfb2 * (c * hma) + dfb1 * (c * uma) + dfb0 * c);
        var hb = dfb2 * (c * c1 - c * c2);
        var ub = dfb2 * (c * c1 * a + c * c2 * a) + dfb1 * (c0 + c * c1 - c * c2);
        var ab = dfb2 * (c * c1 * u + c * c2 * u) + dfb1 * (c * c1 + c * c2);

        // c = 0.5·ulr0/a
        var ulr0b = cb * (0.5 / a);
        ab -= cb * (c / a);

        // fluxes
        var vlb = fb2 * (pl + ul2) + fb1 * ul1;
        var plb = fb2 * vl + fb1;
        var ul2b = fb2 * vl;
        var vrb = fb2 * (pr + ur2) + fb1 * ur1;
        var prb = fb2 * vr + fb1;
        var ur2b = fb2 * vr;
        var ul1b = fb1 * vl + fb0;
        var ur1b = fb1 * vr + fb0;

        // wave strengths
        double inverseN = 1 / n;
        var dvb = c2b * l + c1b * lp;
        var dpb = (c1b * lp - c2b * l) * inverseN - c0b * (l / a2);
        var nb = (c2b * l - c1b * lp) * (dp * inverseN * inverseN);
        var lb = c2b * (dv - dp * inverseN) + c0b * (du0 - dp / a2);
        var lpb = c1b * (dv + dp * inverseN);
        var du0b = c0b * l;
        var a2b = c0b * (l * dp / (a2 * a2));

        ab += nb * ulr0;
        ulr0b += nb * a;
        ub += lb * Math.Sign(u);
        double signUpa = Math.Sign(upa);
        ub += lpb * signUpa;
        ab += lpb * signUpa;
        a2b += ab * (0.5 / a);
        hb += a2b * G1;
        q2b -= a2b * (G1 * 0.5);
        ub += q2b * (2 * u);

        // Roe averages
        double inverseW1 = 1 / w1;
        var slb = hb * (hl * inverseW1) + ub * (vl * inverseW1);
        var srb = hb * (hr * inverseW1) + ub * (vr * inverseW1);
        var hlb = hb * (sl * inverseW1);
        var hrb = hb * (sr * inverseW1);
        vlb += ub * (sl * inverseW1);
        vrb += ub * (sr * inverseW1);
        var w1b = -(hb * (h * inverseW1) + ub * (u * inverseW1));

        vrb += dvb;
        vlb -= dvb;
        prb += dpb;
        plb -= dpb;

        // right state
        var ur0b = new Adjoint3();
        ur2b += hrb * (1 / ur0);
        prb += hrb * (1 / ur0);
        ur0b -= hrb * (hr / ur0);
        ur2b += prb * G1;
        ur1b -= prb * (G1 * ur1 / ur0);
        ur0b += prb * (G1 * 0.5 * ur1 * ur1 / (ur0 * ur0));
        ur1b += vrb * (1 / ur0);
        ur0b -= vrb * (vr / ur0);

        // left state
        var ul0b = new Adjoint3();
        ul2b += hlb * (1 / ul0);
        plb += hlb * (1 / ul0);
        ul0b -= hlb * (hl / ul0);
        ul2b += plb * G1;
        ul1b -= plb * (G1 * ul1 / ul0);
        ul0b += plb * (G1 * 0.5 * ul1 * ul1 / (ul0 * ul0));
        ul1b += vlb * (1 / ul0);
        ul0b -= vlb * (vl / ul0);

        slb += w1b;
        srb += w1b;
        ul0b += slb * (0.5 / sl);
        ur0b += srb * (0.5 / sr);
        var t = ulr0b * (0.5 / ulr0);
        ul0b += t * ur0;
        ur0b += t * ul0;
        ur0b += du0b;
        ul0b -= du0b;

        Span<Adjoint3> columns = [ul0b, ul1b, ul2b, ur0b, ur1b, ur2b];
        for (int i = 0; i < 6; i++)
        {
            jacobian[i] = columns[i].X;
            jacobian[6 + i] = columns[i].Y;
            jacobian[12 + i] = columns[i].Z;
        }
    }
}
