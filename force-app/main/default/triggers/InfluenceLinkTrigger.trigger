trigger InfluenceLinkTrigger on Influence_Link__c(
    before insert,
    before update,
    after insert,
    after update,
    after delete,
    after undelete
) {
    new InfluenceLinkTriggerHandler().run();
}
