#!/usr/bin/env python3
"""Records test/fixtures/yaml/emitter.json: values these operations return, and the YAML that
libyaml's emitter writes for each, for test/yaml-emitter.test.ts.

The AWS CLI v2 prints --output yaml with ruamel.yaml's YAML(typ="safe"), which writes through
libyaml's emitter (its C extension, ruamel.yaml.clib, ships with the CLI): keys sorted, block
style, indent 2, width 80, Unicode as is. No CLI v2 is installed here, but that emitter is: PyYAML's
CSafeDumper is libyaml's, and with allow_unicode=True it is set as ruamel sets it.

What the emitter does not decide is which plain strings need quotes: that is the resolver's call,
and ruamel's (YAML 1.2) differs from PyYAML's (YAML 1.1) on words like yes/no and numbers like 0o7.
So every generated string reads as a string under both: none starts with a sign, a digit, a dot or
~, none is a special word, and PyYAML's resolver reads it as a string; the fixed cases hold only
values both read alike. The strings the resolvers disagree on are in test/cli-v2.test.ts's table,
from ruamel's resolver rules.

The fixture is the one output of this script, never edited by hand. Regenerate with:

    python3 scripts/record-yaml-fixtures.py > test/fixtures/yaml/emitter.json

It needs PyYAML built with libyaml (yaml.__with_libyaml__); the AWS CLI v1 installs it.
"""
import json
import random
import re
import sys

import yaml

SEED = 20261202
rng = random.Random(SEED)

if not yaml.__with_libyaml__:
    sys.exit("PyYAML here has no libyaml: its pure-Python emitter differs from the C one (it ends a top-level plain scalar with ...)")

# Coarse on purpose: anything YAML 1.2 might resolve to a non-string is left to the resolver table.
MAYBE_NOT_A_STRING = re.compile(r"^(?:[-+.0-9~]|$|(?:true|false|null|yes|no|on|off|y|n)$|<<$|[=!&*]$)", re.IGNORECASE)
RESOLVER = yaml.resolver.Resolver()


def neutral(text):
    return not MAYBE_NOT_A_STRING.match(text) and RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
PUNCTUATION = ":#,-?[]{}&*!|>'\"%@`/=+_.\\()<;$^~"
CONTROLS = "\t\n\r\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\x80\x85\x9f\u2028\u2029\ufeff"
UNICODE = "éßçøñ漢字かなｱｲ가한😀👍🏽𝔸𐍈\u0301\u200bאב\xa0\u3000€™"


def random_text(max_length):
    """Mostly words and spaces (so long values fold), with punctuation, controls and Unicode mixed in."""
    length = rng.choice([rng.randint(0, 12), rng.randint(0, 60), rng.randint(60, max_length)])
    pools = [(WORD, 60), (" ", 18), (PUNCTUATION, 10), (UNICODE, 8), (CONTROLS, 2), ("\n", 2)]
    chars = []
    for _ in range(length):
        pool = rng.choices([p for p, _ in pools], weights=[w for _, w in pools])[0]
        chars.append(rng.choice(pool))
    return "".join(chars)


def random_string(max_length=200):
    while True:
        text = random_text(max_length)
        if neutral(text):
            return text


def random_key():
    """Keys as these operations have them: tag keys, login providers, role types (letters, digits, space, _ . : / = + - @)."""
    alphabet = WORD + "0123456789 _.:/=+-@" + "éß漢ｱ\uff9f𝔸"
    while True:
        key = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, rng.choice([12, 40, 128]))))
        if neutral(key):
            return key


def random_value(depth):
    kind = rng.choice(["string"] * 6 + ["bool", "map", "list", "empty map", "empty list"] if depth < 3 else ["string", "bool"])
    if kind == "string":
        return random_string()
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "empty map":
        return {}
    if kind == "empty list":
        return []
    if kind == "map":
        return {random_key(): random_value(depth + 1) for _ in range(rng.randint(1, 4))}
    return [random_value(depth + 1) for _ in range(rng.randint(1, 3))]


POOL_ID = "us-east-1:11111111-2222-3333-4444-555555555555"
FIXED = [
    (
        "a created pool: booleans, a list of structures, tags, empty lists",
        {
            "IdentityPoolId": POOL_ID,
            "IdentityPoolName": "MyIdentityPool",
            "AllowUnauthenticatedIdentities": False,
            "AllowClassicFlow": True,
            "SupportedLoginProviders": {"graph.facebook.com": "7346241598935555", "accounts.google.com": "123456789012.apps.googleusercontent.com"},
            "DeveloperProviderName": "login.mycompany.myapp",
            "OpenIdConnectProviderARNs": [],
            "CognitoIdentityProviders": [
                {"ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_aaaaaaaaa", "ClientId": "3n4b5urk1ft4fl3mg5e62d9ado", "ServerSideTokenCheck": False},
                {"ProviderName": "cognito-idp.us-east-1.amazonaws.com/us-east-1_bbbbbbbbb", "ClientId": "6n4b5urk1ft4fl3mg5e62d9ado", "ServerSideTokenCheck": True},
            ],
            "SamlProviderARNs": ["arn:aws:iam::123456789012:saml-provider/Corporate"],
            "IdentityPoolTags": {"Team": "Data Eng", "cost-center": "1234", "Ünïcödé": "値 with spaces", "empty": ""},
        },
    ),
    ("an empty map", {"IdentityPoolTags": {}}),
    ("a page of pools with its token", {
        "IdentityPools": [{"IdentityPoolId": POOL_ID, "IdentityPoolName": "One"}, {"IdentityPoolId": POOL_ID, "IdentityPoolName": "Two words"}],
        "NextToken": "eyJ2IjoxLCJwIjoiMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZiJ9+/==",
    }),
    ("roles and role mappings", {
        "IdentityPoolId": POOL_ID,
        "Roles": {"authenticated": "arn:aws:iam::123456789012:role/Cognito_Auth_Role", "unauthenticated": "arn:aws:iam::123456789012:role/Cognito_Unauth_Role"},
        "RoleMappings": {
            "cognito-idp.us-east-1.amazonaws.com/us-east-1_aaaaaaaaa:3n4b5urk1ft4fl3mg5e62d9ado": {
                "Type": "Rules",
                "AmbiguousRoleResolution": "AuthenticatedRole",
                "RulesConfiguration": {"Rules": [{"Claim": "custom:department", "MatchType": "Equals", "Value": "Engineering and Operations", "RoleARN": "arn:aws:iam::123456789012:role/Engineering"}]},
            }
        },
    }),
    ("a long name that folds", {"IdentityPoolName": " ".join(["word"] * 40)}),
    ("a long value without spaces", {"NextToken": "x" * 300}),
    ("a long value that needs single quotes", {"Value": "a: " + " ".join(["folded"] * 30)}),
    ("a long value that needs double quotes", {"Value": "tab\there " + " ".join(["folded"] * 30)}),
    ("role mappings under a key longer than 128 bytes: written after ? ", {
        "RoleMappings": {
            "oidc.eks.us-west-2.amazonaws.com/id/" + "E" * 60 + ":" + "c" * 40: {"Type": "Token", "AmbiguousRoleResolution": "Deny"},
            "cognito-idp.us-east-1.amazonaws.com/us-east-1_aaaaaaaaa:" + "漢" * 30: {"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole"},
        },
    }),
    ("keys beyond the BMP sort by code point", {"IdentityPoolTags": {"\U0001D538": "math", "\uff71": "katakana", "z": "latin"}}),
    ("a key with a line break", {"a\u2028b": "x", "c\nd": "y"}),
    ("numbers from a --query: ints in full, floats as Python's repr", {"count": 3, "big": 10**17, "half": 0.5, "tiny": 1e-7, "negative": -2.5e-10, "exact": 123456.789}),
    ("a top-level string (a --query result)", "MyIdentityPool"),
    ("a long top-level string: continuation lines indented by 2", " ".join(["word"] * 40)),
    ("a top-level string with a line break", "a\nb"),
    ("a top-level list of long strings", [" ".join(["word"] * 30), "a: " + " ".join(["quoted"] * 20)]),
    ("a top-level list of strings", ["one", "two words", "a: b"]),
    ("a top-level boolean", False),
]


class RuamelSafeDumper(yaml.CSafeDumper):
    """libyaml's emitter with ruamel's YAML 1.2 rules where PyYAML's differ for these values: floats."""


def represent_float(dumper, data):
    # ruamel, dumping YAML 1.2, writes repr() lowercased; PyYAML adds ".0" before a bare exponent, as 1.1 wants.
    if data != data:
        text = ".nan"
    elif data in (float("inf"), float("-inf")):
        text = ".inf" if data > 0 else "-.inf"
    else:
        text = repr(data).lower()
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


RuamelSafeDumper.add_representer(float, represent_float)
# And reads such a float back as one under YAML 1.2 (1e-07 has no point, which 1.1 would want), so it stays plain.
RuamelSafeDumper.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+)$"),
    list("-+0123456789"),
)


def dump(value):
    return yaml.dump(value, Dumper=RuamelSafeDumper, allow_unicode=True, default_flow_style=False, sort_keys=True)


cases = [{"name": name, "value": value, "yaml": dump(value)} for name, value in FIXED]
for index in range(400):
    value = {random_key(): random_value(0) for _ in range(rng.randint(1, 3))}
    cases.append({"name": f"random {index}", "value": value, "yaml": dump(value)})

print(json.dumps({"emitter": f"libyaml {yaml._yaml.get_version_string()} via PyYAML {yaml.__version__} CSafeDumper", "seed": SEED, "cases": cases}, ensure_ascii=False, indent=1))
