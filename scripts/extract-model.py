#!/usr/bin/env python3
"""Writes the slice of botocore's Cognito Identity model that this server needs:
every operation of the service (the tools call them and the sandbox serves them), without docs.

botocore's service model is the source of truth for every constraint; the
committed copy lets the server run without Python. test/model.test.ts checks
that the copy still equals botocore's.
Usage: python3 scripts/extract-model.py > src/operation/service-model.json
"""
import gzip, json, os, re, sys
import xml.dom.minidom
import xml.parsers.expat
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


def doc_overview(documentation):
    """The AWS CLI v2's get_shape_doc_overview (awscli/customizations/utils.py): the text without
    its XML, up to the first '.' or ':', line breaks as spaces. Its --generate-cli-skeleton
    yaml-input prints it beside each member."""
    try:
        dom = xml.dom.minidom.parseString("<doc>%s</doc>" % documentation)
        parts = []

        def walk(node):
            for child in node.childNodes:
                if child.nodeType == node.TEXT_NODE:
                    parts.append(child.data)
                else:
                    walk(child)

        walk(dom)
        text = "".join(parts)
    except xml.parsers.expat.ExpatError:
        text = documentation
    text = re.split(r"[.:]+", text, maxsplit=1)[0]
    if text:
        text += "."
    return text.replace("\n", " ").replace("\u2028", " ")


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
    # Every member of the structures a request holds: "Structure.Member" -> its overview.
    overviews = {}

    def visit_input(name, seen):
        if name in seen:
            return
        seen.add(name)
        shape = model["shapes"][name]
        for ref in ("member", "value"):
            if ref in shape:
                visit_input(shape[ref]["shape"], seen)
        for member, ref in shape.get("members", {}).items():
            documentation = ref.get("documentation", model["shapes"][ref["shape"]].get("documentation", ""))
            overview = doc_overview(documentation)
            if overview:
                overviews["%s.%s" % (name, member)] = overview
            visit_input(ref["shape"], seen)

    seen = set()
    for name in OPERATIONS:
        visit_input(model["operations"][name]["input"]["shape"], seen)
    out = {
        "botocoreVersion": botocore.__version__,
        "metadata": {k: model["metadata"][k] for k in ("apiVersion", "endpointPrefix", "jsonVersion", "protocol", "serviceId", "targetPrefix")},
        "operations": operations,
        "shapes": shapes,
        "docOverviews": dict(sorted(overviews.items())),
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
