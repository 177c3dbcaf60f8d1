"""JAX peer on the GPU: jit(vmap(jacfwd(f))) and jit(vmap(jacrev(f))) of each exported Elim graph, float64, data
on the device; run by on-device.sh with --out DIR (results appended to DIR/peers.csv)."""
import jax
import jax.numpy as jnp

import _graphs

jax.config.update("jax_enable_x64", True)


class Ops:
    """jax.numpy with erf (which lives in jax.scipy.special)."""
    erf = staticmethod(jax.scipy.special.erf)

    def __getattr__(self, name):
        return getattr(jnp, name)


def batched(graph, mode):
    f = _graphs.function(graph, Ops(), jnp.stack)
    return jax.jit(jax.vmap({"jacfwd": jax.jacfwd, "jacrev": jax.jacrev}[mode](f)))


keys = iter(jax.random.split(jax.random.PRNGKey(1), 10_000))


def random_points(point, batch):
    """The typical point itself for batch 0 (the check), else batch points scaled by up to ±0.5 %."""
    centre = jnp.asarray(point, dtype=jnp.float64)
    if batch == 0:
        return centre[None, :]
    return centre * (1 + 0.01 * (jax.random.uniform(next(keys), (batch, len(point)), dtype=jnp.float64) - 0.5))


if __name__ == "__main__":
    print(f"jax {jax.__version__}, devices {jax.devices()}", flush=True)
    _graphs.run_peer("jax", ["jacfwd", "jacrev"], batched, random_points,
                     flat=lambda a: jax.device_get(a).reshape(-1).tolist(), wait=lambda a: a.block_until_ready())
