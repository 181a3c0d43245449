#!/usr/bin/env python3
"""Converts public VCR cassettes recorded against generativelanguage.googleapis.com into JSON fixtures.

Usage: import-gemini-recordings.py <git dir of a repository mirror> <owner/name> <out dir> <path prefix>...
Each fixture keeps its provenance: repository, path, the commit that last changed the file, that commit's
date, the date the file was first committed (an upper bound of the recording date), and the recording date when the cassette has a `date` response header. Only Gemini Developer API
traffic is kept (Vertex hosts are skipped); API keys never appear in pydantic-ai cassettes (filtered
by their VCR config), and any `key=` query or `x-goog-api-key` header is dropped here anyway.
"""
import base64, datetime, gzip, json, os, re, subprocess, sys
import yaml

git_dir, repo, out_dir, *prefixes = sys.argv[1:]
HOST = 'generativelanguage.googleapis.com'

def git(*args):
    return subprocess.run(['git', '--git-dir', git_dir, *args], capture_output=True, check=True).stdout

def body_text(body):
    if body is None:
        return None
    if isinstance(body, dict) and 'string' in body:
        body = body['string']
    if isinstance(body, bytes):
        try:
            body = gzip.decompress(body)
        except OSError:
            pass
        return body.decode('utf-8', 'replace')
    return body

def response_id_time(body):
    """Gemini's responseId starts with the answer's Unix time in seconds, 4 bytes little-endian
    (checked against vercel/ai's google-threshold-live.json: captured 2026-07-08T12:10:59Z,
    responseId Uz5Oa… decodes to the same second)."""
    text = body if isinstance(body, str) else json.dumps(body)
    found = re.search(r'"responseId": ?"([A-Za-z0-9_-]{8,})"', text or '')
    if not found:
        return None
    raw = base64.urlsafe_b64decode(found.group(1)[:8] + '==')
    seconds = int.from_bytes(raw[:4], 'little')
    if not 1_600_000_000 < seconds < 2_000_000_000:
        return None
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')

def parse(text):
    if text is None or text == '':
        return None
    try:
        return json.loads(text)
    except (ValueError, TypeError):
        return text

files = []
for prefix in prefixes:
    listed = git('ls-tree', '-r', '--name-only', 'HEAD', prefix).decode().splitlines()
    files += [f for f in listed if f.endswith('.yaml')]
count = 0
for path in files:
    try:
        raw = git('show', f'HEAD:{path}')
    except subprocess.CalledProcessError:
        continue
    if HOST.encode() not in raw or len(raw) > 400_000:
        continue
    doc = yaml.safe_load(raw)
    interactions = []
    recorded = None
    for item in doc.get('interactions', []):
        req, res = item['request'], item['response']
        uri = req['uri']
        if HOST not in uri:
            continue
        uri = re.sub(r'([?&])key=[^&]*&?', r'\1', uri).rstrip('?&')
        request_body = req.get('parsed_body')
        if request_body is None:
            request_body = parse(body_text(req.get('body')))
        headers = {k.lower(): v for k, v in (res.get('headers') or {}).items()}
        date = (headers.get('date') or [None])[0]
        if date is not None:
            date = datetime.datetime.strptime(date, '%a, %d %b %Y %H:%M:%S GMT').strftime('%Y-%m-%dT%H:%M:%SZ')
            recorded = recorded or (date, 'date header')
        response_body = res.get('parsed_body')
        if response_body is None:
            response_body = parse(body_text(res.get('body')))
        stamp = response_id_time(response_body)
        if recorded is None and stamp is not None:
            recorded = (stamp, 'responseId timestamp')
        interactions.append({
            'request': {'method': req['method'], 'url': uri, 'body': request_body},
            'response': {
                'status': res['status']['code'],
                'contentType': (headers.get('content-type') or [None])[0],
                'body': response_body,
            },
        })
    if not interactions:
        continue
    commit, committed = git('log', '-1', '--format=%H %cs', '--', path).decode().split()
    # The first commit of the file bounds the recording date when no `date` header was kept.
    added = git('log', '--diff-filter=A', '--format=%cs', '--', path).decode().split()[-1]
    name = re.sub(r'[^A-Za-z0-9_.-]+', '_', os.path.basename(path)[:-5])
    fixture = {
        'source': {'repo': repo, 'path': path, 'commit': commit, 'added': added, 'committed': committed,
                   'recorded': recorded[0] if recorded else None, 'recordedFrom': recorded[1] if recorded else None},
        'interactions': interactions,
    }
    with open(os.path.join(out_dir, name + '.json'), 'w') as out:
        json.dump(fixture, out, indent=1, ensure_ascii=False)
        out.write('\n')
    count += 1
print(count, 'fixtures')
