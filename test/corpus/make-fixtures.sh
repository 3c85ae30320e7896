#!/bin/sh
# Rebuilds test/fixtures/services/: a sample of boto3 reference pages (RST + text renderings) and botocore's
# own model of the same version (the oracle, test-only). Pages are chosen for the forms they carry; large
# services keep a subset of their pages (listed below) so the fixtures stay small.
# Needs python3 with boto3 and `apt-get install python3-sphinx w3m lynx html2text`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest="$here/../fixtures/services"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# service: pages kept (globs under the service folder; "*" = every page of the service)
cat > "$tmp/pick" <<'PICK'
sqs client/* paginator/* queue/index.rst queue/send_message.rst message/index.rst service-resource/index.rst
kinesis *
lexv2-runtime *
apigatewaymanagementapi *
ebs *
polly *
mediastore-data *
sts *
glacier client/* waiter/*
glue client/create_job.rst client/get_job.rst client/batch_get_jobs.rst client/get_jobs.rst client/update_job.rst client/get_tags.rst client/list_jobs.rst paginator/GetJobs.rst
s3 client/get_object.rst client/put_object.rst client/copy_object.rst client/list_objects_v2.rst client/complete_multipart_upload.rst paginator/ListObjectsV2.rst waiter/* bucket/index.rst bucket/upload_file.rst service-resource/index.rst
bedrock-agent-runtime client/invoke_agent.rst client/retrieve.rst paginator/Retrieve.rst
dynamodb client/query.rst client/get_item.rst paginator/Query.rst table/index.rst
PICK
services=$(cut -d' ' -f1 "$tmp/pick")
python3 "$here/rst.py" "$tmp/all" $services >/dev/null
rm -rf "$dest" && mkdir -p "$dest"
data=$(python3 -c 'import botocore,os;print(os.path.dirname(botocore.__file__))')/data
while read -r service globs; do
  mkdir -p "$tmp/rst/$service"
  # globs are find patterns, not the shell's: no expansion here
  (set -f; cd "$tmp/all/$service" && for g in $globs; do find . -path "./$g" -type f; done) | sort -u | while read -r f; do
    mkdir -p "$tmp/rst/$service/$(dirname "$f")" && cp "$tmp/all/$service/$f" "$tmp/rst/$service/$f"
  done
  mkdir -p "$dest/$service/oracle"
  version=$(ls "$data/$service" | sort | tail -1)
  cp "$data/$service/$version/service-2.json"* "$dest/$service/oracle/"
  cp "$data/$service/$version/paginators-1.json"* "$dest/$service/oracle/" 2>/dev/null || true
  echo "$version" > "$dest/$service/oracle/VERSION"
done < "$tmp/pick"
python3 "$here/render.py" "$tmp/rst" "$tmp/out" w3m,lynx,html2text $services | grep ERROR >&2 || true
for s in $services; do
  cp -r "$tmp/rst/$s" "$dest/$s/rst"
  cp -r "$tmp/out/w3m/$s" "$dest/$s/w3m"
done
# lynx (nested bullets o + #, lines wrapped inside quotes) and html2text (entries and responses lost) for a few
for s in lexv2-runtime glue; do cp -r "$tmp/out/lynx/$s" "$dest/$s/lynx"; done
for s in glacier; do cp -r "$tmp/out/html2text/$s" "$dest/$s/html2text"; done
du -sh "$dest"
