"""The shipped segmentation model; installed as ``policyie.models`` so wheels carry it."""
