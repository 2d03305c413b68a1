//! The states browser's catalogue: every flow state and action, in both query languages,
//! with the developer guide's resource ARNs and parameter names, and search.

use super::*;

#[test]
fn catalogue_has_every_flow_state_and_action_in_both_languages() {
    let flow: Vec<&str> = catalogue()
        .iter()
        .filter(|t| t.group == Group::Flow)
        .map(|t| t.state_type())
        .collect();
    assert_eq!(
        flow,
        ["Pass", "Wait", "Choice", "Parallel", "Map", "Succeed", "Fail"]
    );
    let resources: Vec<(&str, String, String)> = catalogue()
        .iter()
        .filter(|t| t.group == Group::Action)
        .map(|t| {
            let path = t.definition(QueryLanguage::JsonPath);
            let ata = t.definition(QueryLanguage::Jsonata);
            assert_eq!(path.get("Resource"), ata.get("Resource"));
            assert!(ata.get("Parameters").is_none(), "{}", t.id);
            let pass = if path
                .get("Resource")
                .and_then(Value::as_str)
                .unwrap()
                .contains(":activity:")
            {
                "none".to_string()
            } else {
                assert!(path.get("Arguments").is_none(), "{}", t.id);
                keys(path.get("Parameters").unwrap())
            };
            let args = if pass == "none" {
                "none".to_string()
            } else {
                keys(ata.get("Arguments").unwrap())
            };
            (t.id, pass, args)
        })
        .collect();
    // Parameter names as the developer guide's service pages give them; JSONata drops `.$`.
    assert_eq!(
        resources,
        [
            (
                "lambda-invoke",
                "FunctionName Payload.$".into(),
                "FunctionName Payload".into()
            ),
            (
                "dynamodb-getitem",
                "TableName Key".into(),
                "TableName Key".into()
            ),
            (
                "dynamodb-putitem",
                "TableName Item".into(),
                "TableName Item".into()
            ),
            (
                "dynamodb-updateitem",
                "TableName Key UpdateExpression ExpressionAttributeNames ExpressionAttributeValues"
                    .into(),
                "TableName Key UpdateExpression ExpressionAttributeNames ExpressionAttributeValues"
                    .into()
            ),
            (
                "sns-publish",
                "TopicArn Message.$".into(),
                "TopicArn Message".into()
            ),
            (
                "sqs-sendmessage",
                "QueueUrl MessageBody.$".into(),
                "QueueUrl MessageBody".into()
            ),
            ("eventbridge-putevents", "Entries".into(), "Entries".into()),
            (
                "ecs-runtask",
                "LaunchType Cluster TaskDefinition".into(),
                "LaunchType Cluster TaskDefinition".into()
            ),
            ("glue-startjobrun", "JobName".into(), "JobName".into()),
            (
                "stepfunctions-startexecution",
                "StateMachineArn Input.$".into(),
                "StateMachineArn Input".into()
            ),
            ("aws-sdk", "".into(), "".into()),
            ("activity", "none".into(), "none".into()),
        ]
    );
    let arn = |id: &str| {
        template(id)
            .definition(QueryLanguage::JsonPath)
            .get("Resource")
            .and_then(Value::as_str)
            .unwrap()
            .to_string()
    };
    assert_eq!(arn("lambda-invoke"), "arn:aws:states:::lambda:invoke");
    assert_eq!(
        arn("dynamodb-updateitem"),
        "arn:aws:states:::dynamodb:updateItem"
    );
    assert_eq!(
        arn("eventbridge-putevents"),
        "arn:aws:states:::events:putEvents"
    );
    assert_eq!(arn("ecs-runtask"), "arn:aws:states:::ecs:runTask.sync");
    assert_eq!(arn("glue-startjobrun"), "arn:aws:states:::glue:startJobRun");
    assert_eq!(
        arn("stepfunctions-startexecution"),
        "arn:aws:states:::states:startExecution"
    );
    assert_eq!(
        arn("activity"),
        "arn:aws:states:us-east-1:123456789012:activity:MyActivity"
    );
}

fn keys(v: &Value) -> String {
    v.as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_template_makes_a_valid_machine_in_both_languages() {
    for t in catalogue()
        .iter()
        .filter(|t| !matches!(t.state_type(), "Parallel" | "Map" | "Choice"))
    {
        for (language, head) in [
            (QueryLanguage::JsonPath, ""),
            (QueryLanguage::Jsonata, "\"QueryLanguage\": \"JSONata\", "),
        ] {
            let empty = format!("{{{head}\"StartAt\": \"\", \"States\": {{}}}}");
            let change = insert_template(&doc(&empty), t, &Position::Start(String::new())).unwrap();
            let text = apply(&empty, &change.edit);
            assert_valid(&text);
            let _ = language;
        }
    }
}

#[test]
fn search_matches_labels_keywords_and_resources() {
    let ids = |q: &str| search(q).iter().map(|t| t.id).collect::<Vec<_>>();
    assert_eq!(
        ids("dynamo"),
        [
            "dynamodb-getitem",
            "dynamodb-putitem",
            "dynamodb-updateitem"
        ]
    );
    assert_eq!(ids("DynamoDB put"), ["dynamodb-putitem"]);
    assert_eq!(ids("lambda"), ["lambda-invoke"]);
    assert_eq!(ids("events"), ["eventbridge-putevents"]);
    assert_eq!(ids("sync"), ["ecs-runtask"]);
    assert_eq!(ids("loop"), ["Map"]);
    assert_eq!(search("").len(), catalogue().len());
    assert!(search("no such thing").is_empty());
    assert_eq!(ids("SNS PUBLISH"), ["sns-publish"]);
    // Search folds ASCII case only, which is exact while the catalogue's text is ASCII.
    for t in catalogue() {
        let resource = t.definition(QueryLanguage::JsonPath).to_json();
        let words = [t.id, t.label].into_iter().chain(t.keywords.iter().copied());
        assert!(words.chain([resource.as_str()]).all(str::is_ascii), "{}", t.id);
    }
    let (name, state) = aws_sdk_call("s3", "getObject", QueryLanguage::Jsonata);
    assert_eq!(name, "s3:getObject");
    assert_eq!(
        state.to_json(),
        r#"{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Arguments":{}}"#
    );
}
