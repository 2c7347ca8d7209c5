# Regenerates the baseline fixtures: python3 generate_fixtures.py (run in this folder).
# current: 200 sessions, 10% unresolved; baseline-same: the same figures a week earlier;
# baseline-drifted: 1% unresolved, TVD 15% (PAYMENT new, CANCEL_ORDER vanished), and
# "zurücksenden" routed to RETURN_REQUEST in 40 of 40 (now 20 of 40).
import gzip, json, datetime as dt
def iso(t): return t.strftime('%Y-%m-%dT%H:%M:%S.000Z')
def make(prefix, start, groups, recorded_at, window):
    sessions=[]; i=0
    for (sub, text, count, unresolved) in groups:
        for k in range(count):
            created = start + dt.timedelta(minutes=40*i)
            done = created + dt.timedelta(minutes=10)
            sid = f"{prefix}-{i:04d}"
            sessions.append({
              "id": sid, "workspace_id": "ws-fixture", "external_user_id": f"u_{prefix}_{i:04d}",
              "channel": "webchat", "created_at": iso(created),
              "status": {"session_id": sid, "completed": True, "unresolved": k < unresolved,
                         "completed_at": iso(done), "last_updated": iso(done)},
              "state": {"session_id": sid, "type": sub.split('_')[0], "sub_intent_type": sub, "trail": []},
              "messages": [
                {"message_id": sid+"-1", "session_id": sid, "initiator_origin": "RECIPIENT", "message": text, "created_at": iso(created)},
                {"message_id": sid+"-2", "session_id": sid, "initiator_origin": "AI", "message": "Happy to help.", "created_at": iso(created + dt.timedelta(seconds=20))}]})
            i+=1
    return {"recorded_at": recorded_at, "window": window, "source": "fixture", "count": len(sessions), "sessions": sessions}
now_start = dt.datetime(2026,11,20,13,0)
base_start = dt.datetime(2026,11,13,12,0)
current = [("ORDER_STATUS","Where is my order #1042?",80,0),
           ("RETURN_REQUEST","Ich möchte die Schuhe zurücksenden",20,0),
           ("RETURN_REQUEST","I want to return my shoes",40,0),
           ("REFUND","Ich möchte die Jacke zurücksenden",20,20),
           ("REFUND","Refund please",20,0),
           ("PAYMENT","My payment failed",20,0)]
drifted = [("ORDER_STATUS","Where is my order #1042?",80,0),
           ("RETURN_REQUEST","Ich möchte die Schuhe zurücksenden",40,0),
           ("RETURN_REQUEST","I want to return my shoes",40,0),
           ("REFUND","Refund please",30,2),
           ("CANCEL_ORDER","Please cancel my order",10,0)]
W=lambda a,b: {"from": a, "to": b}
for name, start, groups, rec, win in [
    ("current.json", now_start, current, "2026-11-27T12:00:00.000Z", W("2026-11-20T12:00:00.000Z","2026-11-27T12:00:00.000Z")),
    ("baseline-same.json", base_start, current, "2026-11-20T12:00:00.000Z", W("2026-11-13T12:00:00.000Z","2026-11-20T12:00:00.000Z")),
    ("baseline-drifted.json", base_start, drifted, "2026-11-20T12:00:00.000Z", W("2026-11-13T12:00:00.000Z","2026-11-20T12:00:00.000Z"))]:
    prefix = {"current.json":"now","baseline-same.json":"same","baseline-drifted.json":"drift"}[name]
    with gzip.open(name + ".gz", "wt", encoding="utf-8") as f: json.dump(make(prefix,start,groups,rec,win), f, ensure_ascii=False, indent=None)
