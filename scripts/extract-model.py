#!/usr/bin/env python3
"""Writes the slice of botocore's Cognito Identity model that this server needs:
every operation of the service (the tools call them and the sandbox serves them), without docs.

botocore's service model is the source of truth for every constraint; the
committed copy lets the server run without Python. test/model.test.ts checks
that the copy still equals botocore's.
Usage: python3 scripts/extract-model.py > src/operation/service-model.json
"""
import gzip, json, os, sys
import botocore

MODEL_DIR = os.path.join(os.path.dirname(botocore.__file__), "data", "cognito-identity", "2014-06-30")


OPERATIONS = [
    "CreateIdentityPool", "DescribeIdentityPool", "ListIdentityPools", "UpdateIdentityPool", "DeleteIdentityPool",
    "GetIdentityPoolRoles", "SetIdentityPoolRoles", "GetPrincipalTagAttributeMap", "SetPrincipalTagAttributeMap",
    "TagResource", "UntagResource", "ListTagsForResource",
    "ListIdentities", "DescribeIdentity", "DeleteIdentities", "UnlinkIdentity",
    "GetId", "GetCredentialsForIdentity", "GetOpenIdToken",
    "LookupDeveloperIdentity", "MergeDeveloperIdentities", "UnlinkDeveloperIdentity", "GetOpenIdTokenForDeveloperIdentity",
]


def load_json(name):
    plain = os.path.join(MODEL_DIR, name)
    if os.path.exists(plain):
        with open(plain) as f:
            return json.load(f)
    with gzip.open(plain + ".gz") as f:
        return json.load(f)


def strip_docs(shape):
    out = {k: v for k, v in shape.items() if k != "documentation"}
    if "members" in out:
        out["members"] = {n: {k: v for k, v in m.items() if k != "documentation"} for n, m in out["members"].items()}
    return out


def main():
    model = load_json("service-2.json")
    paginators = load_json("paginators-1.json")["pagination"]
    shapes = {}

    def visit(name):
        if name in shapes:
            return
        shape = model["shapes"][name]
        shapes[name] = strip_docs(shape)
        for ref in ("member", "key", "value"):
            if ref in shape:
                visit(shape[ref]["shape"])
        for member in shape.get("members", {}).values():
            visit(member["shape"])

    operations = {}
    for name in OPERATIONS:
        op = model["operations"][name]
        operations[name] = {
            "input": op["input"]["shape"],
            "output": op.get("output", {}).get("shape"),
            "errors": [e["shape"] for e in op["errors"]],
        }
        # Operations the AWS CLI sends unsigned (botocore: "authtype": "none").
        if op.get("authtype") == "none":
            operations[name]["unsigned"] = True
        if name in paginators:
            operations[name]["paginator"] = paginators[name]
        visit(op["input"]["shape"])
        if "output" in op:
            visit(op["output"]["shape"])
        for err in op["errors"]:
            visit(err["shape"])
    out = {
        "botocoreVersion": botocore.__version__,
        "metadata": {k: model["metadata"][k] for k in ("apiVersion", "endpointPrefix", "jsonVersion", "protocol", "serviceId", "targetPrefix")},
        "operations": operations,
        "shapes": shapes,
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
