// The simulator's own bounds (README "Limits"). A real cluster takes `replicas` up to int32's
// maximum and leaves what does not fit Pending; here every Pending pod is an object built on one
// thread, so past this many replicas of one workload the loader and `scale` refuse before any
// work starts. How many pods run is up to the nodes' capacity (maxPodsPerNode, default 110 as
// the kubelet's maxPods), the rest stay Pending as in a cluster.

/** The most replicas one workload may ask for. */
export const MAX_REPLICAS = 100_000;

/** How the refusal reads, in `scale` and at a manifest's `spec.replicas`. */
export const tooManyReplicas = (): string => `k8s-svc-tui simulates at most ${MAX_REPLICAS} replicas per workload`;
