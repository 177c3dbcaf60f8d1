/* What a generated kernel (kernel_template.c filled in by codegen.py) gives the driver. Layout per point, as
   Elim's BatchLayout.PerPoint: x[p*n + i], y[p*m + o], J[p*m*n + o*n + i]. */
#ifndef NATIVE_PARITY_KERNEL_H
#define NATIVE_PARITY_KERNEL_H

extern const int kernel_inputs;  /* n */
extern const int kernel_outputs; /* m */

/* Outputs and the row-major Jacobian of count points. */
void jacobian_batch(const double *x, double *y, double *J, long count);

/* Outputs alone of count points. */
void primal_batch(const double *x, double *y, long count);

#endif
