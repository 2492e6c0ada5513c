"""Prints, as JSON, one operation of botocore's bundled cognito-idp model and every shape it
reaches: its input, output and errors, and whatever their members point to.

It reads the service-2.json file botocore ships (gzip-compressed in recent releases) rather
than going through botocore's loader, so what the fidelity test sees is the file exactly as
published, without any SDK-side merging.

Usage: python botocore_closure.py [OperationName]   (default RevokeToken)
"""
import gzip
import json
import os
import sys

import botocore

SERVICE_DIR = os.path.join("cognito-idp", "2016-04-18")


def load_service_model():
    data_dir = os.path.join(os.path.dirname(botocore.__file__), "data", SERVICE_DIR)
    for name, opener in (("service-2.json.gz", gzip.open), ("service-2.json", open)):
        path = os.path.join(data_dir, name)
        if os.path.exists(path):
            with opener(path, "rt", encoding="utf-8") as handle:
                return path, json.load(handle)
    raise SystemExit(f"botocore {botocore.__version__} has no service-2.json under {data_dir}")


def closure(model, operation):
    shapes = model["shapes"]
    reached = {}
    pending = [operation["input"]["shape"], operation["output"]["shape"]]
    pending += [error["shape"] for error in operation.get("errors", [])]
    while pending:
        name = pending.pop()
        if name in reached:
            continue
        shape = shapes[name]
        reached[name] = shape
        pending += [member["shape"] for member in shape.get("members", {}).values()]
        for key in ("member", "key", "value"):  # lists and maps
            if key in shape:
                pending.append(shape[key]["shape"])
    return reached


def main():
    operation_name = sys.argv[1] if len(sys.argv) > 1 else "RevokeToken"
    path, model = load_service_model()
    operation = model["operations"].get(operation_name)
    if operation is None:
        raise SystemExit(f"{path} has no operation {operation_name}")
    json.dump(
        {
            "botocoreVersion": botocore.__version__,
            "serviceFile": path,
            "metadata": model["metadata"],
            "operation": operation,
            "shapes": closure(model, operation),
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
